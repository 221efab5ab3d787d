package dev.stance.model;

import dev.stance.model.NetworkParams.Matrix;

/**
 * Runs a trained network in plain Java over its weight matrices: the mean of the embedding rows
 * of the lexical ids, the encoder vector beside it, ReLU hidden layers, a linear output and the
 * calibrated softmax. Gives the same scores as the DL4J network it was exported from (tested),
 * without ND4J's per-call overhead, and with no mutable state, so any number of threads may share it.
 */
final class HeadNetwork {

    private final Architecture architecture;
    private final Calibration calibration;
    private final Matrix embedding;
    private final Matrix[] weights;
    private final Matrix[] biases;

    HeadNetwork(Architecture architecture, NetworkParams params, Calibration calibration) {
        this.architecture = architecture;
        this.calibration = calibration;
        this.embedding = architecture.lexical() == null ? null
                : params.require("emb_W", architecture.lexical().buckets(), architecture.embeddingDim());
        int layers = architecture.hidden().size() + 1;
        this.weights = new Matrix[layers];
        this.biases = new Matrix[layers];
        int width = architecture.inputWidth();
        for (int i = 0; i < layers; i++) {
            boolean output = i == layers - 1;
            String name = output ? "out" : "h" + i;
            int next = output ? dev.stance.Stance.values().length : architecture.hidden().get(i);
            weights[i] = params.require(name + "_W", width, next);
            biases[i] = params.require(name + "_b", 1, next);
            width = next;
        }
    }

    /**
     * Calibrated probabilities for one sentence.
     *
     * @param ids     lexical feature ids (ignored without lexical features); empty gives a zero vector
     * @param encoded encoder vector (ignored without an encoder)
     */
    double[] probabilities(int[] ids, float[] encoded) {
        return calibration.probabilities(logits(ids, encoded));
    }

    /** Raw output scores before calibration. */
    double[] logits(int[] ids, float[] encoded) {
        float[] x = new float[architecture.inputWidth()];
        int offset = 0;
        if (embedding != null) {
            meanOfRows(embedding, ids, x);
            offset = embedding.cols();
        }
        if (architecture.encoder() != null) {
            System.arraycopy(encoded, 0, x, offset, architecture.encoder().dimension());
        }
        for (int layer = 0; layer < weights.length; layer++) {
            x = affine(x, weights[layer], biases[layer], layer < weights.length - 1);
        }
        double[] logits = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            logits[i] = x[i];
        }
        return logits;
    }

    /**
     * Writes the mean of the embedding rows {@code ids} into {@code x[0..dim)} (zeros without ids).
     * This is the hot loop of a lexical model: each column is summed over the ids in a local
     * variable, eight columns at a time, rather than through {@code x[j]} in memory, which keeps the
     * sums in registers and runs about three times faster. Every column still adds the same floats
     * in the same order (ids in order, starting from 0), so the result is bit for bit the same.
     */
    private static void meanOfRows(Matrix embedding, int[] ids, float[] x) {
        int dim = embedding.cols();
        float[] t = embedding.data();
        int j = 0;
        for (; j + 8 <= dim; j += 8) {
            float s0 = 0f, s1 = 0f, s2 = 0f, s3 = 0f, s4 = 0f, s5 = 0f, s6 = 0f, s7 = 0f;
            for (int id : ids) {
                int r = id * dim + j;
                s0 += t[r];
                s1 += t[r + 1];
                s2 += t[r + 2];
                s3 += t[r + 3];
                s4 += t[r + 4];
                s5 += t[r + 5];
                s6 += t[r + 6];
                s7 += t[r + 7];
            }
            x[j] = s0;
            x[j + 1] = s1;
            x[j + 2] = s2;
            x[j + 3] = s3;
            x[j + 4] = s4;
            x[j + 5] = s5;
            x[j + 6] = s6;
            x[j + 7] = s7;
        }
        for (; j < dim; j++) {
            float s = 0f;
            for (int id : ids) {
                s += t[id * dim + j];
            }
            x[j] = s;
        }
        if (ids.length > 0) {
            float inv = 1f / ids.length;
            for (j = 0; j < dim; j++) {
                x[j] *= inv;
            }
        }
    }

    private static float[] affine(float[] x, Matrix w, Matrix b, boolean relu) {
        int cols = w.cols();
        float[] out = b.data().clone();
        float[] data = w.data();
        for (int i = 0; i < x.length; i++) {
            float xi = x[i];
            if (xi == 0f) {
                continue;
            }
            int row = i * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += xi * data[row + j];
            }
        }
        if (relu) {
            for (int j = 0; j < cols; j++) {
                out[j] = Math.max(0f, out[j]);
            }
        }
        return out;
    }
}
