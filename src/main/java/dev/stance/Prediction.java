package dev.stance;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The stance predicted for one sentence: the label, its confidence and the calibrated score of
 * every label. Scores are finite, non-negative and sum to 1; {@code stance} is the label with the
 * highest score and {@code confidence} is that score. Immutable.
 *
 * @param stance     the predicted label
 * @param confidence the score of {@code stance}, in [0, 1]
 * @param scores     the score of each of the five labels (unmodifiable, iteration in {@link Stance} order)
 */
public record Prediction(Stance stance, double confidence, Map<Stance, Double> scores) {

    public Prediction {
        Objects.requireNonNull(stance, "stance");
        Objects.requireNonNull(scores, "scores");
        if (scores.size() != Stance.values().length) {
            throw new IllegalArgumentException("scores must hold all " + Stance.values().length
                    + " labels, got " + scores.keySet());
        }
        scores = Collections.unmodifiableMap(new EnumMap<>(scores));
    }

    /**
     * Builds a prediction from a probability vector in {@link Stance} order, taking the arg-max
     * (the first one on ties) as the label.
     *
     * @throws IllegalArgumentException if the vector has the wrong length
     */
    public static Prediction fromProbabilities(double[] probabilities) {
        if (probabilities.length != Stance.values().length) {
            throw new IllegalArgumentException("expected " + Stance.values().length
                    + " probabilities, got " + probabilities.length);
        }
        EnumMap<Stance, Double> map = new EnumMap<>(Stance.class);
        int best = 0;
        for (int i = 0; i < probabilities.length; i++) {
            map.put(Stance.ofIndex(i), probabilities[i]);
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return new Prediction(Stance.ofIndex(best), probabilities[best], map);
    }

    /** The score of one label. */
    public double score(Stance label) {
        return scores.get(label);
    }
}
