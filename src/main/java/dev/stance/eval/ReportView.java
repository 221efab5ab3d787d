package dev.stance.eval;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.stance.Prediction;
import dev.stance.Stance;

/**
 * The numbers and shapes of the HTML report, computed from an {@link Evaluation}: every value the
 * template shows, already formatted, and every chart coordinate, already scaled. The template
 * ({@code report.html.mustache}) only lays them out, so all arithmetic lives here and is testable.
 * Coordinates are SVG user units, rounded to one decimal.
 */
final class ReportView {

    /** One colour per label (Okabe-Ito, readable with colour-blindness), in {@link Stance} order. */
    private static final Map<Stance, String> COLOURS = new EnumMap<>(Map.of(
            Stance.DENIAL, "#0072b2", Stance.ACCUSATION, "#d55e00", Stance.CONDEMNATION, "#cc79a7",
            Stance.CALL_FOR_NEGOTIATION, "#009e73", Stance.NONE, "#8c8c8c"));

    private static final String[] METRIC_NAMES = {"precision", "recall", "F1"};
    private static final String[] METRIC_COLOURS = {"#9ecae1", "#4292c6", "#08306b"};
    private static final String DASH = "\u2014";

    private ReportView() {
    }

    /** The whole page. */
    record Page(String title, String subject, String generatedAt, List<Tile> tiles, Heatmap heatmap,
                Bars bars, Reliability reliability, Errors errors, List<Section> provenance, List<Label> labels) {
    }

    /** A headline number. */
    record Tile(String name, String value, String note) {
    }

    /** A label with its display names and colour. */
    record Label(String name, String abbreviation, String colour) {
    }

    /** A text placed at (x, y). */
    record Text(double x, double y, String text, String title) {
    }

    /** A horizontal grid line at height y with its value. */
    record Tick(double x, double y, String text) {
    }

    /** A filled rectangle with a tooltip. */
    record Box(double x, double y, double width, double height, String fill, String title) {
    }

    /**
     * The confusion matrix: rows gold, columns predicted.
     *
     * @param cells one per (gold, predicted) pair, row by row
     */
    record Heatmap(double width, double height, List<Text> columns, List<Text> rows, List<Text> totals,
                   List<Cell> cells, Text corner) {
    }

    /**
     * One matrix cell; {@code error} cells (off the diagonal, not empty) filter the error table when clicked.
     */
    record Cell(double x, double y, double width, double height, double centreX, double countY, double shareY,
                String fill, String ink, int count, String share, String gold, String predicted, String title,
                boolean error) {
    }

    /** Precision, recall and F1 per label, as grouped bars. */
    record Bars(double width, double height, double left, double right, double bottom, List<Tick> grid,
                List<Box> boxes, List<Text> values, List<Text> groups, List<Box> legend, List<Text> legendText,
                Text macro, double macroY) {
    }

    /** The reliability diagram over confidence bins, with a histogram of how many predictions fall in each. */
    record Reliability(double width, double height, double left, double top, double right, double bottom,
                       List<Tick> xTicks, List<Tick> yTicks, List<Box> accuracy, List<Box> confidence, List<Box> histogram,
                       List<Text> counts, double histogramBase, double axisLabelY, double centreX, double centreY) {
    }

    /** The misclassified sentences, most confident first. */
    record Errors(int total, String share, List<ErrorRow> rows) {
    }

    /** One misclassified sentence. */
    record ErrorRow(int rank, String text, String source, Label gold, Label predicted, String confidence,
                    String goldScore, List<Box> scoreBar, List<String> scores) {
    }

    /** A titled list of provenance lines. */
    record Section(String name, List<Line> lines) {
    }

    /** One provenance line. */
    record Line(String key, String value) {
    }

    static Page of(Evaluation e, ReportContext context) {
        List<Label> labels = new ArrayList<>();
        for (Stance s : Stance.values()) {
            labels.add(label(s));
        }
        List<Section> provenance = new ArrayList<>();
        context.provenance().forEach((name, lines) -> {
            List<Line> out = new ArrayList<>();
            lines.forEach((k, v) -> out.add(new Line(k, v)));
            provenance.add(new Section(name, out));
        });
        return new Page(context.title(), context.subject(), context.generatedAt(), tiles(e), heatmap(e), bars(e),
                reliability(e), errors(e), provenance, labels);
    }

    private static Label label(Stance s) {
        return new Label(s.name(), ReportRenderer.abbreviation(s), COLOURS.get(s));
    }

    private static List<Tile> tiles(Evaluation e) {
        return List.of(
                new Tile("macro-F1", fixed(e.macroF1()), "mean of the five per-label F1"),
                new Tile("accuracy", fixed(e.accuracy()), "share predicted right"),
                new Tile("calibration error", fixed(e.expectedCalibrationError()),
                        "ECE over " + e.reliability().size() + " confidence bins"),
                new Tile("sentences", Integer.toString(e.n()), "evaluated"),
                new Tile("misclassified", Integer.toString(e.errors().size()), percent(e.errors().size(), e.n())));
    }

    // Confusion matrix geometry.
    private static final double HM_LEFT = 196;
    private static final double HM_TOP = 56;
    private static final double HM_CELL_W = 88;
    private static final double HM_CELL_H = 52;

    private static Heatmap heatmap(Evaluation e) {
        Stance[] all = Stance.values();
        int k = all.length;
        List<Text> columns = new ArrayList<>();
        List<Text> rows = new ArrayList<>();
        List<Text> totals = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            columns.add(new Text(round(HM_LEFT + (j + 0.5) * HM_CELL_W), HM_TOP - 12,
                    ReportRenderer.abbreviation(all[j]), "predicted " + all[j].name()));
        }
        for (int i = 0; i < k; i++) {
            Stance gold = all[i];
            int rowTotal = 0;
            for (Stance p : all) {
                rowTotal += e.confusion().count(gold, p);
            }
            double rowMiddle = HM_TOP + (i + 0.5) * HM_CELL_H;
            rows.add(new Text(HM_LEFT - 12, round(rowMiddle + 4), gold.name(), "gold " + gold.name()));
            totals.add(new Text(HM_LEFT + k * HM_CELL_W + 10, round(rowMiddle + 4), "n=" + rowTotal,
                    rowTotal + " sentences labelled " + gold.name()));
            for (int j = 0; j < k; j++) {
                Stance predicted = all[j];
                int count = e.confusion().count(gold, predicted);
                double share = rowTotal == 0 ? 0 : (double) count / rowTotal;
                boolean diagonal = i == j;
                // Errors are usually a few percent of a row: a square root keeps them visible.
                double intensity = diagonal ? share : Math.sqrt(share);
                String fill = count == 0 ? "#f4f4f4"
                        : diagonal ? mix("#e8f1fa", "#1f5fa8", intensity) : mix("#fdeee8", "#b8321f", intensity);
                double x = HM_LEFT + j * HM_CELL_W;
                double y = HM_TOP + i * HM_CELL_H;
                cells.add(new Cell(round(x + 1), round(y + 1), HM_CELL_W - 2, HM_CELL_H - 2,
                        round(x + HM_CELL_W / 2), round(y + HM_CELL_H / 2 + 2), round(y + HM_CELL_H / 2 + 17),
                        fill, count > 0 && intensity > 0.55 ? "#ffffff" : "#1b1b1b", count,
                        percent(count, rowTotal), gold.name(), predicted.name(),
                        "gold " + gold.name() + ", predicted " + predicted.name() + ": " + count + " ("
                                + percent(count, rowTotal) + " of " + gold.name() + ")",
                        !diagonal && count > 0));
            }
        }
        return new Heatmap(HM_LEFT + k * HM_CELL_W + 64, HM_TOP + k * HM_CELL_H + 8, columns, rows, totals, cells,
                new Text(HM_LEFT - 12, HM_TOP - 12, "gold \u2193  predicted \u2192", ""));
    }

    // Per-label bar chart geometry.
    private static final double BAR_LEFT = 40;
    private static final double BAR_TOP = 40;
    private static final double BAR_PLOT_W = 900;
    private static final double BAR_PLOT_H = 200;
    private static final double BAR_W = 36;
    private static final double BAR_GAP = 4;

    private static Bars bars(Evaluation e) {
        Stance[] all = Stance.values();
        double groupW = BAR_PLOT_W / all.length;
        double start = (groupW - 3 * BAR_W - 2 * BAR_GAP) / 2;
        double base = BAR_TOP + BAR_PLOT_H;
        List<Box> boxes = new ArrayList<>();
        List<Text> values = new ArrayList<>();
        List<Text> groups = new ArrayList<>();
        for (int i = 0; i < all.length; i++) {
            LabelScores s = e.perLabel().get(all[i]);
            double[] metrics = {s.precision(), s.recall(), s.f1()};
            for (int m = 0; m < 3; m++) {
                double x = BAR_LEFT + i * groupW + start + m * (BAR_W + BAR_GAP);
                double h = metrics[m] * BAR_PLOT_H;
                boxes.add(new Box(round(x), round(base - h), BAR_W, round(h), METRIC_COLOURS[m],
                        all[i].name() + " " + METRIC_NAMES[m] + " " + fixed(metrics[m])));
                values.add(new Text(round(x + BAR_W / 2), round(base - h - 4), shortFixed(metrics[m]), ""));
            }
            groups.add(new Text(round(BAR_LEFT + (i + 0.5) * groupW), base + 18, all[i].name().replace('_', ' '),
                    "support " + s.support()));
        }
        List<Box> legend = new ArrayList<>();
        List<Text> legendText = new ArrayList<>();
        for (int m = 0; m < 3; m++) {
            double x = BAR_LEFT + m * 96;
            legend.add(new Box(x, 10, 12, 12, METRIC_COLOURS[m], METRIC_NAMES[m]));
            legendText.add(new Text(x + 17, 20, METRIC_NAMES[m], ""));
        }
        double macroF1 = Double.isNaN(e.macroF1()) ? 0 : e.macroF1();
        double macroY = round(base - macroF1 * BAR_PLOT_H);
        return new Bars(BAR_LEFT + BAR_PLOT_W + 110, base + 30, BAR_LEFT, BAR_LEFT + BAR_PLOT_W, base,
                yTicks(BAR_LEFT, base, BAR_PLOT_H), boxes, values, groups, legend, legendText,
                new Text(BAR_LEFT + BAR_PLOT_W + 6, round(macroY + 4), "macro-F1 " + fixed(e.macroF1()), ""), macroY);
    }

    // Reliability diagram geometry.
    private static final double REL_LEFT = 48;
    private static final double REL_TOP = 14;
    private static final double REL_SIZE = 300;
    private static final double REL_HIST_GAP = 40;
    private static final double REL_HIST_H = 44;

    private static Reliability reliability(Evaluation e) {
        double base = REL_TOP + REL_SIZE;
        double histBase = base + REL_HIST_GAP + REL_HIST_H;
        int max = 1;
        for (Evaluation.ReliabilityBin bin : e.reliability()) {
            max = Math.max(max, bin.count());
        }
        List<Box> accuracy = new ArrayList<>();
        List<Box> confidence = new ArrayList<>();
        List<Box> histogram = new ArrayList<>();
        List<Text> counts = new ArrayList<>();
        for (Evaluation.ReliabilityBin bin : e.reliability()) {
            if (bin.count() == 0) {
                continue;
            }
            double x = round(REL_LEFT + bin.lower() * REL_SIZE + 1);
            double w = round((bin.upper() - bin.lower()) * REL_SIZE - 2);
            String range = fixed2(bin.lower()) + "\u2013" + fixed2(bin.upper());
            String title = "confidence " + range + ": " + bin.count() + " predictions, mean confidence "
                    + fixed(bin.meanConfidence()) + ", accuracy " + fixed(bin.accuracy());
            double accH = bin.accuracy() * REL_SIZE;
            accuracy.add(new Box(x, round(base - accH), w, round(accH), "#4292c6", title));
            // The bin's mean confidence as a mark across the bar: its distance from the bar's top is the gap.
            confidence.add(new Box(x, round(base - bin.meanConfidence() * REL_SIZE - 1.5), w, 3, "#d55e00", title));
            double h = Math.max(1, (double) bin.count() / max * REL_HIST_H);
            histogram.add(new Box(x, round(histBase - h), w, round(h), "#8c8c8c", title));
            counts.add(new Text(round(x + w / 2), round(histBase - h - 3), Integer.toString(bin.count()), title));
        }
        List<Tick> xTicks = new ArrayList<>();
        for (int t = 0; t <= 5; t++) {
            xTicks.add(new Tick(round(REL_LEFT + t * 0.2 * REL_SIZE), histBase + 14, fixed1(t * 0.2)));
        }
        return new Reliability(REL_LEFT + REL_SIZE + 16, histBase + 38, REL_LEFT, REL_TOP, REL_LEFT + REL_SIZE, base,
                xTicks, yTicks(REL_LEFT, base, REL_SIZE), accuracy, confidence, histogram, counts, histBase, histBase + 32,
                REL_LEFT + REL_SIZE / 2, REL_TOP + REL_SIZE / 2);
    }

    /** Grid lines at 0, 0.2, ..., 1 of a plot whose value axis runs up from {@code base}. */
    private static List<Tick> yTicks(double left, double base, double height) {
        List<Tick> ticks = new ArrayList<>();
        for (int t = 0; t <= 5; t++) {
            ticks.add(new Tick(left, round(base - t * 0.2 * height), fixed1(t * 0.2)));
        }
        return ticks;
    }

    // Score bar in each error row.
    private static final double SCORE_BAR_W = 120;

    private static Errors errors(Evaluation e) {
        List<ErrorRow> rows = new ArrayList<>();
        int rank = 0;
        for (Evaluation.Error error : e.errors()) {
            Prediction p = error.prediction();
            List<Box> bar = new ArrayList<>();
            List<String> scores = new ArrayList<>();
            double x = 0;
            for (Stance s : Stance.values()) {
                double w = p.score(s) * SCORE_BAR_W;
                bar.add(new Box(round(x), 0, round(w), 10, COLOURS.get(s), s.name() + " " + fixed(p.score(s))));
                scores.add(ReportRenderer.abbreviation(s) + " " + fixed2(p.score(s)));
                x += w;
            }
            rows.add(new ErrorRow(++rank, error.text(), error.source(), label(error.gold()), label(p.stance()),
                    fixed(p.confidence()), fixed(p.score(error.gold())), bar, scores));
        }
        return new Errors(e.errors().size(), percent(e.errors().size(), e.n()), rows);
    }

    /** {@code from} blended towards {@code to} by {@code t} in [0, 1], as {@code #rrggbb}. */
    static String mix(String from, String to, double t) {
        double f = Math.max(0, Math.min(1, t));
        StringBuilder sb = new StringBuilder("#");
        for (int i = 1; i < 7; i += 2) {
            int a = Integer.parseInt(from.substring(i, i + 2), 16);
            int b = Integer.parseInt(to.substring(i, i + 2), 16);
            sb.append(String.format(Locale.ROOT, "%02x", Math.round(a + (b - a) * f)));
        }
        return sb.toString();
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }

    private static String fixed(double v) {
        return Double.isNaN(v) ? DASH : String.format(Locale.ROOT, "%.3f", v);
    }

    private static String fixed2(double v) {
        return Double.isNaN(v) ? DASH : String.format(Locale.ROOT, "%.2f", v);
    }

    private static String fixed1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    /** ".92" style for bar labels, "1.0" for one. */
    private static String shortFixed(double v) {
        return v >= 0.995 ? "1.0" : String.format(Locale.ROOT, "%.2f", v).substring(1);
    }

    private static String percent(int part, int whole) {
        return whole == 0 ? DASH : String.format(Locale.ROOT, "%.1f%%", 100.0 * part / whole);
    }
}
