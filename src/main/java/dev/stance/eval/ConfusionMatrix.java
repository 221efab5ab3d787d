package dev.stance.eval;

import dev.stance.Stance;

/**
 * Counts of (gold label, predicted label) pairs. Immutable.
 */
public final class ConfusionMatrix {

    private final int[][] counts;

    ConfusionMatrix(int[][] counts) {
        int n = Stance.values().length;
        this.counts = new int[n][];
        for (int i = 0; i < n; i++) {
            this.counts[i] = counts[i].clone();
        }
    }

    /** How many sentences labelled {@code gold} were predicted as {@code predicted}. */
    public int count(Stance gold, Stance predicted) {
        return counts[gold.ordinal()][predicted.ordinal()];
    }

    /** Rows are gold labels, columns predictions, both in {@link Stance} order; a fresh copy. */
    public int[][] toArray() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) {
            copy[i] = counts[i].clone();
        }
        return copy;
    }
}
