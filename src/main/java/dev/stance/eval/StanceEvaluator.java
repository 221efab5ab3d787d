package dev.stance.eval;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.stance.LabelledSentence;
import dev.stance.Prediction;
import dev.stance.Stance;

/**
 * Scores predictions against gold labels. Stateless; all methods are thread-safe.
 */
public final class StanceEvaluator {

    /** Confidence bins of the reliability diagram and the calibration error. */
    public static final int RELIABILITY_BINS = 10;

    private StanceEvaluator() {
    }

    /**
     * Evaluates {@code predictions.get(i)} against {@code gold.get(i)}.
     *
     * @throws IllegalArgumentException if the lists differ in length
     */
    public static Evaluation evaluate(List<LabelledSentence> gold, List<Prediction> predictions) {
        if (gold.size() != predictions.size()) {
            throw new IllegalArgumentException(gold.size() + " gold labels but " + predictions.size() + " predictions");
        }
        int k = Stance.values().length;
        int[][] counts = new int[k][k];
        int correct = 0;
        List<Evaluation.Error> errors = new ArrayList<>();
        for (int i = 0; i < gold.size(); i++) {
            LabelledSentence g = gold.get(i);
            Prediction p = predictions.get(i);
            counts[g.stance().ordinal()][p.stance().ordinal()]++;
            if (g.stance() == p.stance()) {
                correct++;
            } else {
                errors.add(new Evaluation.Error(g.text(), g.source(), g.stance(), p));
            }
        }
        errors.sort(Comparator.comparingDouble((Evaluation.Error e) -> e.prediction().confidence()).reversed());
        Map<Stance, LabelScores> perLabel = new EnumMap<>(Stance.class);
        double f1Sum = 0;
        for (Stance s : Stance.values()) {
            int tp = counts[s.ordinal()][s.ordinal()];
            int predicted = 0;
            int actual = 0;
            for (int j = 0; j < k; j++) {
                predicted += counts[j][s.ordinal()];
                actual += counts[s.ordinal()][j];
            }
            double precision = predicted == 0 ? 0 : (double) tp / predicted;
            double recall = actual == 0 ? 0 : (double) tp / actual;
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            perLabel.put(s, new LabelScores(precision, recall, f1, actual));
            f1Sum += f1;
        }
        int n = gold.size();
        List<Evaluation.ReliabilityBin> bins = reliability(gold, predictions);
        double ece = 0;
        for (Evaluation.ReliabilityBin bin : bins) {
            if (bin.count() > 0) {
                ece += (double) bin.count() / n * Math.abs(bin.meanConfidence() - bin.accuracy());
            }
        }
        return new Evaluation(n, n == 0 ? Double.NaN : (double) correct / n, n == 0 ? Double.NaN : f1Sum / k,
                perLabel, new ConfusionMatrix(counts), n == 0 ? Double.NaN : ece, bins, errors);
    }

    private static List<Evaluation.ReliabilityBin> reliability(List<LabelledSentence> gold, List<Prediction> predictions) {
        int[] count = new int[RELIABILITY_BINS];
        double[] confidence = new double[RELIABILITY_BINS];
        int[] right = new int[RELIABILITY_BINS];
        for (int i = 0; i < gold.size(); i++) {
            Prediction p = predictions.get(i);
            int bin = Math.min(RELIABILITY_BINS - 1, (int) (p.confidence() * RELIABILITY_BINS));
            count[bin]++;
            confidence[bin] += p.confidence();
            if (p.stance() == gold.get(i).stance()) {
                right[bin]++;
            }
        }
        List<Evaluation.ReliabilityBin> bins = new ArrayList<>(RELIABILITY_BINS);
        for (int b = 0; b < RELIABILITY_BINS; b++) {
            bins.add(new Evaluation.ReliabilityBin((double) b / RELIABILITY_BINS, (double) (b + 1) / RELIABILITY_BINS,
                    count[b], count[b] == 0 ? Double.NaN : confidence[b] / count[b],
                    count[b] == 0 ? Double.NaN : (double) right[b] / count[b]));
        }
        return bins;
    }
}
