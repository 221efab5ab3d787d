package dev.stance.eval;

import java.util.ArrayList;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import dev.stance.Stance;

/** An HTML report parsed with jsoup, read back the way a person reads it. For tests. */
public final class ReportPage {

    private final Document doc;

    public ReportPage(String html) {
        this.doc = Jsoup.parse(html);
    }

    public Document document() {
        return doc;
    }

    /** The number shown in the confusion-matrix cell (gold, predicted). */
    public int cell(Stance gold, Stance predicted) {
        Element cell = doc.selectFirst("#confusion g.cell[data-gold=" + gold + "][data-predicted=" + predicted + "]");
        if (cell == null) {
            throw new AssertionError("no matrix cell for " + gold + " -> " + predicted);
        }
        return Integer.parseInt(cell.selectFirst("text.count").text());
    }

    /** How many matrix cells the page has. */
    public int cellCount() {
        return doc.select("#confusion g.cell").size();
    }

    /** The rows of the misclassified-sentence table, in page order. */
    public List<Row> errorRows() {
        List<Row> rows = new ArrayList<>();
        for (Element tr : doc.select("#error-table tbody tr")) {
            rows.add(new Row(tr.selectFirst("td.text").text(), Stance.parse(tr.attr("data-gold")),
                    Stance.parse(tr.attr("data-predicted")), Double.parseDouble(tr.selectFirst("td.confidence").text()),
                    tr.selectFirst("td.source").text()));
        }
        return rows;
    }

    /**
     * Every attribute that could make a browser fetch something (src, href, action, poster, data,
     * srcset, xlink:href) whose value is not inline ({@code data:}) or a fragment ({@code #...});
     * plus {@code url(...)} in styles. Empty for a self-contained page.
     */
    public List<String> externalReferences() {
        List<String> out = new ArrayList<>();
        for (Element e : doc.getAllElements()) {
            for (Attribute a : e.attributes()) {
                String key = a.getKey().toLowerCase();
                String value = a.getValue().trim().toLowerCase();
                boolean fetches = key.equals("src") || key.equals("href") || key.endsWith(":href")
                        || key.equals("action") || key.equals("poster") || key.equals("data") || key.equals("srcset");
                if (fetches && !value.startsWith("data:") && !value.startsWith("#")) {
                    out.add("<" + e.tagName() + " " + a.getKey() + "=\"" + a.getValue() + "\">");
                }
            }
        }
        for (Element style : doc.select("style")) {
            if (style.data().contains("url(") || style.data().contains("@import")) {
                out.add("<style> with url() or @import");
            }
        }
        return out;
    }

    /** One row of the error table. */
    public record Row(String text, Stance gold, Stance predicted, double confidence, String source) {
    }
}
