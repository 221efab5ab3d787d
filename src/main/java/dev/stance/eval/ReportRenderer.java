package dev.stance.eval;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import dev.stance.Stance;

/**
 * Renders an {@link Evaluation} for people (an aligned text table) and for programs (a map that
 * serialises to the documented JSON). Stateless and thread-safe.
 */
public final class ReportRenderer {

    private ReportRenderer() {
    }

    /**
     * The evaluation as a JSON-ready map: {@code n}, {@code macroF1}, {@code accuracy},
     * {@code expectedCalibrationError}, {@code perLabel} ({@code {LABEL: {precision, recall, f1, support}}})
     * and {@code confusion} ({@code {labels: [...], matrix: [[gold row of predicted counts], ...]}}).
     */
    public static Map<String, Object> toJson(Evaluation e) {
        Map<String, Object> out = headline(e);
        Map<String, Object> perLabel = new LinkedHashMap<>();
        e.perLabel().forEach((stance, s) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("precision", round(s.precision()));
            m.put("recall", round(s.recall()));
            m.put("f1", round(s.f1()));
            m.put("support", s.support());
            perLabel.put(stance.name(), m);
        });
        out.put("perLabel", perLabel);
        Map<String, Object> confusion = new LinkedHashMap<>();
        confusion.put("labels", Arrays.stream(Stance.values()).map(Enum::name).toList());
        confusion.put("matrix", e.confusion().toArray());
        out.put("confusion", confusion);
        return out;
    }

    /** A short summary for model metadata: macro-F1, accuracy, ECE, n, per-label F1 and the confusion matrix. */
    public static Map<String, Object> summary(Evaluation e) {
        Map<String, Object> out = headline(e);
        Map<String, Object> f1 = new LinkedHashMap<>();
        e.perLabel().forEach((stance, s) -> f1.put(stance.name(), round(s.f1())));
        out.put("perLabelF1", f1);
        out.put("confusion", e.confusion().toArray());
        return out;
    }

    /** The figures both JSON forms lead with: n, macro-F1, accuracy, ECE. */
    private static Map<String, Object> headline(Evaluation e) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("n", e.n());
        out.put("macroF1", round(e.macroF1()));
        out.put("accuracy", round(e.accuracy()));
        out.put("expectedCalibrationError", round(e.expectedCalibrationError()));
        return out;
    }

    /** The evaluation as an aligned plain-text table with the confusion matrix. */
    public static String toText(Evaluation e) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "macro-F1 %.3f   accuracy %.3f   ECE %.3f   n=%d%n%n",
                e.macroF1(), e.accuracy(), e.expectedCalibrationError(), e.n()));
        sb.append(String.format(Locale.ROOT, "%-22s %9s %9s %9s %8s%n", "label", "precision", "recall", "F1", "support"));
        e.perLabel().forEach((stance, s) -> sb.append(String.format(Locale.ROOT, "%-22s %9.3f %9.3f %9.3f %8d%n",
                stance.name(), s.precision(), s.recall(), s.f1(), s.support())));
        sb.append(String.format("%nconfusion (rows: gold, columns: predicted)%n"));
        sb.append(String.format("%-22s", ""));
        for (Stance s : Stance.values()) {
            sb.append(String.format("%8s", abbreviation(s)));
        }
        sb.append(System.lineSeparator());
        for (Stance gold : Stance.values()) {
            sb.append(String.format("%-22s", gold.name()));
            for (Stance predicted : Stance.values()) {
                sb.append(String.format("%8d", e.confusion().count(gold, predicted)));
            }
            sb.append(System.lineSeparator());
        }
        return sb.toString();
    }

    /** Short column heading of a label: DEN, ACC, CON, CALL, NONE. */
    public static String abbreviation(Stance s) {
        return switch (s) {
            case DENIAL -> "DEN";
            case ACCUSATION -> "ACC";
            case CONDEMNATION -> "CON";
            case CALL_FOR_NEGOTIATION -> "CALL";
            case NONE -> "NONE";
        };
    }

    private static double round(double v) {
        return Double.isNaN(v) ? v : Math.round(v * 10000) / 10000.0;
    }
}
