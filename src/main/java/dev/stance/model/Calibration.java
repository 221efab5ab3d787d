package dev.stance.model;

import java.util.ArrayList;
import java.util.List;

import dev.stance.Prediction;
import dev.stance.Stance;

/**
 * How raw network scores become the reported probabilities: {@code softmax(logits / temperature
 * + shift)}. The temperature is fitted on the dev split to make confidences honest; the per-label
 * shift is the decision rule (e.g. favouring NONE), also fitted on dev. Recorded in the model file.
 *
 * @param temperature positive divisor of the logits
 * @param shift       additive log-score shift per label, in {@link Stance} order
 */
public record Calibration(double temperature, List<Double> shift) {

    public Calibration {
        shift = List.copyOf(shift);
        if (!(temperature > 0) || Double.isInfinite(temperature)) {
            throw new IllegalArgumentException("temperature must be a positive number, got " + temperature);
        }
        if (shift.size() != Stance.values().length) {
            throw new IllegalArgumentException("shift needs " + Stance.values().length + " values, got " + shift.size());
        }
        for (double s : shift) {
            if (!Double.isFinite(s)) {
                throw new IllegalArgumentException("shift values must be finite, got " + shift);
            }
        }
    }

    /** No calibration: the network's own softmax. */
    public static Calibration identity() {
        return new Calibration(1.0, List.of(0.0, 0.0, 0.0, 0.0, 0.0));
    }

    /** One prediction per row of raw logits. */
    public List<Prediction> predictions(double[][] logits) {
        List<Prediction> out = new ArrayList<>(logits.length);
        for (double[] row : logits) {
            out.add(Prediction.fromProbabilities(probabilities(row)));
        }
        return out;
    }

    /** Probabilities from raw logits, in {@link Stance} order; always finite and summing to 1. */
    public double[] probabilities(double[] logits) {
        double[] z = new double[logits.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < z.length; i++) {
            z[i] = logits[i] / temperature + shift.get(i);
            max = Math.max(max, z[i]);
        }
        double sum = 0;
        for (int i = 0; i < z.length; i++) {
            z[i] = Math.exp(z[i] - max);
            sum += z[i];
        }
        for (int i = 0; i < z.length; i++) {
            z[i] /= sum;
        }
        return z;
    }
}
