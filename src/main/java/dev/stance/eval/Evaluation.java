package dev.stance.eval;

import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.stance.Prediction;
import dev.stance.Stance;

/**
 * How well predictions matched gold labels. Lead with {@code macroF1}: NONE dominates real
 * statements, so accuracy flatters a classifier that says NONE too often. Immutable.
 *
 * @param n                  number of sentences
 * @param accuracy           share of sentences predicted correctly (NaN when {@code n == 0})
 * @param macroF1            unweighted mean of the five per-label F1 (NaN when {@code n == 0})
 * @param perLabel           precision, recall, F1 and support of each label
 * @param confusion          gold × predicted counts
 * @param expectedCalibrationError mean gap between confidence and accuracy over {@code reliability} bins, weighted by size
 * @param reliability        confidence bins for a reliability diagram
 * @param errors             the misclassified sentences, most confident first
 */
public record Evaluation(
        int n,
        double accuracy,
        double macroF1,
        Map<Stance, LabelScores> perLabel,
        ConfusionMatrix confusion,
        double expectedCalibrationError,
        List<ReliabilityBin> reliability,
        List<Error> errors) {

    public Evaluation {
        perLabel = Collections.unmodifiableMap(new EnumMap<>(perLabel));
        reliability = List.copyOf(reliability);
        errors = List.copyOf(errors);
    }

    /**
     * Predictions whose confidence fell in {@code [lower, upper)}.
     *
     * @param lower          lower bound of confidence
     * @param upper          upper bound (the last bin includes 1.0)
     * @param count          predictions in the bin
     * @param meanConfidence their mean confidence (NaN when empty)
     * @param accuracy       share of them that were right (NaN when empty)
     */
    public record ReliabilityBin(double lower, double upper, int count, double meanConfidence, double accuracy) {
    }

    /**
     * One misclassified sentence.
     *
     * @param text       the sentence
     * @param source     where it came from (e.g. {@code test.tsv:12}), may be empty
     * @param gold       its gold label
     * @param prediction what the classifier said
     */
    public record Error(String text, String source, Stance gold, Prediction prediction) {
    }
}
