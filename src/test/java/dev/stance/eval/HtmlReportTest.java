package dev.stance.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

import dev.stance.LabelledSentence;
import dev.stance.Prediction;
import dev.stance.Stance;

class HtmlReportTest {

    private static Prediction predict(Stance s, double confidence) {
        double[] p = new double[5];
        Arrays.fill(p, (1 - confidence) / 4);
        p[s.ordinal()] = confidence;
        return Prediction.fromProbabilities(p);
    }

    private static final ReportContext CONTEXT = new ReportContext("Stance evaluation: x.tsv", "data/x.tsv",
            "2026-01-02T03:04:05Z", provenance());

    private static Map<String, Map<String, String>> provenance() {
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        sections.put("Model", Map.of("name", "lexical"));
        sections.put("Training data", Map.of("SHA-256 of the sentences", "ab12"));
        return sections;
    }

    /**
     * Gold and predicted labels that fill several cells of every row, with sentences that need
     * escaping and one that looks like markup.
     */
    private static Evaluation sample() {
        List<LabelledSentence> gold = new ArrayList<>();
        List<Prediction> predicted = new ArrayList<>();
        Stance[] all = Stance.values();
        int line = 2;
        for (int i = 0; i < all.length; i++) {
            for (int j = 0; j < all.length; j++) {
                int times = i == j ? 4 : (i + 2 * j) % 3;   // 0, 1 or 2 errors per off-diagonal cell
                for (int t = 0; t < times; t++) {
                    String text = "Sentence " + line + " of " + all[i] + " said as " + all[j]
                            + (line % 7 == 0 ? " <script>alert(\"x\")</script> & more" : ".");
                    gold.add(new LabelledSentence(all[i], text, "x.tsv:" + line++));
                    predicted.add(predict(all[j], 0.30 + 0.013 * line));
                }
            }
        }
        return StanceEvaluator.evaluate(gold, predicted);
    }

    @Test
    void matrixCellsShowTheEvaluationCounts() {
        Evaluation e = sample();
        ReportPage page = new ReportPage(HtmlReport.render(e, CONTEXT));
        assertEquals(25, page.cellCount());
        for (Stance gold : Stance.values()) {
            for (Stance predicted : Stance.values()) {
                assertEquals(e.confusion().count(gold, predicted), page.cell(gold, predicted), gold + " -> " + predicted);
            }
        }
        // Only error cells with sentences behind them are clickable.
        long clickable = page.document().select("#confusion g.cell.error").size();
        long nonEmptyErrorCells = 0;
        for (Stance gold : Stance.values()) {
            for (Stance predicted : Stance.values()) {
                if (gold != predicted && e.confusion().count(gold, predicted) > 0) {
                    nonEmptyErrorCells++;
                }
            }
        }
        assertEquals(nonEmptyErrorCells, clickable);
    }

    @Test
    void everyMisclassifiedSentenceIsListedMostConfidentFirst() {
        Evaluation e = sample();
        List<ReportPage.Row> rows = new ReportPage(HtmlReport.render(e, CONTEXT)).errorRows();
        assertTrue(e.errors().size() > 10, "the sample has errors to show");
        assertEquals(e.errors().size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Evaluation.Error error = e.errors().get(i);
            ReportPage.Row row = rows.get(i);
            assertEquals(error.text(), row.text());
            assertEquals(error.gold(), row.gold());
            assertEquals(error.prediction().stance(), row.predicted());
            assertEquals(error.source(), row.source());
            assertEquals(error.prediction().confidence(), row.confidence(), 0.0005);
            if (i > 0) {
                assertTrue(rows.get(i - 1).confidence() >= row.confidence(), "sorted by confidence at row " + i);
            }
        }
    }

    @Test
    void sentencesAreEscapedNotInterpreted() {
        String html = HtmlReport.render(sample(), CONTEXT);
        ReportPage page = new ReportPage(html);
        assertEquals(1, page.document().select("script").size(), "only the report's own script");
        assertTrue(page.errorRows().stream().anyMatch(r -> r.text().contains("<script>alert(\"x\")</script> & more")));
        assertTrue(html.contains("&lt;script&gt;"));
    }

    @Test
    void pageIsSelfContained() {
        ReportPage page = new ReportPage(HtmlReport.render(sample(), CONTEXT));
        assertEquals(List.of(), page.externalReferences());
        Element csp = page.document().selectFirst("meta[http-equiv=Content-Security-Policy]");
        assertNotNull(csp);
        assertTrue(csp.attr("content").startsWith("default-src 'none'"), csp.attr("content"));
        assertTrue(page.document().select("script[src], link[rel=stylesheet], img, iframe").isEmpty());
    }

    @Test
    void chartsAndHeadlineComeFromTheEvaluation() {
        Evaluation e = sample();
        ReportPage page = new ReportPage(HtmlReport.render(e, CONTEXT));
        String summary = page.document().selectFirst("#summary").text();
        assertTrue(summary.contains(String.format(Locale.ROOT, "%.3f", e.macroF1())), summary);
        assertTrue(summary.contains(Integer.toString(e.errors().size())), summary);
        // Three bars (precision, recall, F1) per label, each as tall as its value.
        List<Element> bars = page.document().select("#per-label rect[height] title").stream()
                .map(Element::parent).filter(r -> r.selectFirst("title").text().matches("[A-Z_]+ (precision|recall|F1) .*"))
                .toList();
        assertEquals(15, bars.size());
        double f1Denial = e.perLabel().get(Stance.DENIAL).f1();
        Element denialF1 = bars.stream().filter(r -> r.selectFirst("title").text().startsWith("DENIAL F1")).findFirst()
                .orElseThrow();
        assertEquals(f1Denial * 200, Double.parseDouble(denialF1.attr("height")), 0.1);
        // One accuracy bar per non-empty confidence bin.
        long nonEmptyBins = e.reliability().stream().filter(b -> b.count() > 0).count();
        assertEquals(nonEmptyBins, page.document().select("#reliability rect[fill='#4292c6']").size());
    }

    @Test
    void provenanceAndContextAreShown() {
        ReportPage page = new ReportPage(HtmlReport.render(sample(), CONTEXT));
        assertEquals("Stance evaluation: x.tsv", page.document().title());
        String provenance = page.document().selectFirst("#provenance").text();
        assertTrue(provenance.contains("Training data") && provenance.contains("SHA-256 of the sentences ab12"), provenance);
        assertTrue(page.document().selectFirst("header").text().contains("2026-01-02T03:04:05Z"));
    }

    @Test
    void emptyEvaluationRendersWithDashes() {
        ReportContext bare = new ReportContext("t", "s", "now", Map.of());
        ReportPage page = new ReportPage(HtmlReport.render(StanceEvaluator.evaluate(List.of(), List.of()), bare));
        assertEquals(0, page.errorRows().size());
        assertTrue(page.document().selectFirst("#summary").text().contains("\u2014"));
        assertTrue(page.document().selectFirst("#errors").text().contains("No sentence was misclassified"));
        assertTrue(page.document().selectFirst("#provenance").text().contains("No provenance was given"));
        assertEquals(0, page.cell(Stance.NONE, Stance.NONE));
    }

    @Test
    void mixBlendsColours() {
        assertEquals("#000000", ReportView.mix("#000000", "#ffffff", 0));
        assertEquals("#ffffff", ReportView.mix("#000000", "#ffffff", 1));
        assertEquals("#804020", ReportView.mix("#000000", "#ff8040", 0.5));
        assertEquals("#ffffff", ReportView.mix("#000000", "#ffffff", 7), "clamped");
    }
}
