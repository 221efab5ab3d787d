package dev.stance.eval;

/**
 * Precision, recall and F1 of one label. A metric with a zero denominator is 0 (no predictions of
 * the label gives precision 0), as in scikit-learn's default, so macro averages stay defined.
 *
 * @param precision share of sentences predicted with the label that have it
 * @param recall    share of sentences with the label that were predicted with it
 * @param f1        harmonic mean of the two
 * @param support   number of sentences with the label in the gold data
 */
public record LabelScores(double precision, double recall, double f1, int support) {
}
