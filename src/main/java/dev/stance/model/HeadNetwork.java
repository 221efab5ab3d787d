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
            int dim = embedding.cols();
            float[] table = embedding.data();
            for (int id : ids) {
                int row = id * dim;
                for (int j = 0; j < dim; j++) {
                    x[j] += table[row + j];
                }
            }
            if (ids.length > 0) {
                float inv = 1f / ids.length;
                for (int j = 0; j < dim; j++) {
                    x[j] *= inv;
                }
            }
            offset = dim;
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
