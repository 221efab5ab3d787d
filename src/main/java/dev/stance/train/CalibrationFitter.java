package dev.stance.train;

import java.util.ArrayList;
import java.util.List;

import dev.stance.LabelledSentence;
import dev.stance.Stance;
import dev.stance.eval.StanceEvaluator;
import dev.stance.model.Calibration;

/**
 * Fits a {@link Calibration} on held-out logits: first the temperature that minimises the negative
 * log-likelihood (so confidences mean what they say), then the NONE shift that maximises
 * macro-F1 (the decision rule; real statements are ~40% NONE and the costly error is a NONE
 * sentence called a stance). Both are grid searches: deterministic and cheap for five labels.
 */
final class CalibrationFitter {

    private static final double MIN_LOG_T = Math.log(0.2);
    private static final double MAX_LOG_T = Math.log(10);
    private static final int T_STEPS = 200;
    private static final double MAX_SHIFT = 1.5;
    private static final double SHIFT_STEP = 0.05;

    private CalibrationFitter() {
    }

    static Calibration fit(double[][] logits, List<LabelledSentence> sentences) {
        int[] gold = sentences.stream().mapToInt(x -> x.stance().ordinal()).toArray();
        double bestT = 1;
        double bestNll = Double.POSITIVE_INFINITY;
        for (int i = 0; i <= T_STEPS; i++) {
            double t = Math.exp(MIN_LOG_T + (MAX_LOG_T - MIN_LOG_T) * i / T_STEPS);
            double nll = nll(logits, gold, new Calibration(t, zeros()));
            if (nll < bestNll - 1e-12) {
                bestNll = nll;
                bestT = t;
            }
        }
        int none = Stance.NONE.ordinal();
        double bestShift = 0;
        double bestF1 = macroF1(logits, sentences, new Calibration(bestT, zeros()));
        int steps = (int) Math.round(MAX_SHIFT / SHIFT_STEP);
        // Visit shifts by growing distance from 0 so that ties keep the smallest change.
        for (int k = 1; k <= steps; k++) {
            for (int sign : new int[]{1, -1}) {
                double shift = sign * k * SHIFT_STEP;
                List<Double> s = zeros();
                s.set(none, shift);
                double f1 = macroF1(logits, sentences, new Calibration(bestT, s));
                if (f1 > bestF1 + 1e-9) {
                    bestF1 = f1;
                    bestShift = shift;
                }
            }
        }
        List<Double> shift = zeros();
        shift.set(none, bestShift);
        return new Calibration(bestT, shift);
    }

    private static List<Double> zeros() {
        List<Double> z = new ArrayList<>();
        for (int i = 0; i < Stance.values().length; i++) {
            z.add(0.0);
        }
        return z;
    }

    static double nll(double[][] logits, int[] gold, Calibration c) {
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            sum -= Math.log(Math.max(1e-12, c.probabilities(logits[i])[gold[i]]));
        }
        return sum / logits.length;
    }

    static double macroF1(double[][] logits, List<LabelledSentence> gold, Calibration c) {
        return StanceEvaluator.evaluate(gold, c.predictions(logits)).macroF1();
    }
}
