package dev.stance.train;

import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.bytedeco.javacpp.Pointer;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

import dev.stance.LabelledSentence;
import dev.stance.Stance;
import dev.stance.features.EncoderLayers;
import dev.stance.features.LayerWeights;
import dev.stance.model.Calibration;

/**
 * Trains the top layers of a pretrained encoder on stance labels (ND4J SameDiff): the layers are
 * rebuilt in float from the encoder's own weights, fed the hidden states that enter them, and
 * trained with a linear softmax over the first word piece's final state, the vector the classifier
 * uses. The linear layer is thrown away afterwards; the stance head is trained again on the adapted
 * encoder's vectors. After each epoch the dev split is scored and the best epoch's layers kept.
 * Deterministic for a given seed and data.
 */
final class EncoderTuner {

    private static final int BATCH = 32;
    /** Padded lengths are rounded up to this multiple, so that few distinct shapes are compiled. */
    private static final int LENGTH_STEP = 8;
    /** Scale of the normalised vector entering the linear layer (a temperature for cosine logits). */
    private static final double SCALE = 20.0;
    private static final double MASKED = -10000.0;
    /** Native memory the tuner may hold beyond the Java heap before it asks for a collection. */
    private static final long NATIVE_BUDGET = 2L << 30;

    /** What one run returns: the best epoch's layers, its number and dev macro-F1 per epoch. */
    record Result(List<LayerWeights> layers, int bestEpoch, List<Double> devF1) {
    }

    private final EncoderLayers encoder;
    private final int firstLayer;
    private final int epochs;
    private final double learningRate;
    private final long seed;
    private final int width;
    private final int heads;

    EncoderTuner(EncoderLayers encoder, int firstLayer, int epochs, double learningRate, long seed) {
        this.encoder = encoder;
        this.firstLayer = firstLayer;
        this.epochs = epochs;
        this.learningRate = learningRate;
        this.seed = seed;
        this.width = encoder.width();
        this.heads = encoder.heads();
    }

    /**
     * @param train states entering {@code firstLayer} ({@link EncoderLayers#statesBefore}) and gold label ordinals
     * @param dev   states of the dev split, which picks the epoch, and its sentences
     */
    Result fit(float[][][] train, int[] trainGold, float[][][] dev, List<LabelledSentence> devGold,
               TrainingListener listener) {
        SameDiff sd = build();
        sd.setTrainingConfig(org.nd4j.autodiff.samediff.TrainingConfig.builder()
                .updater(new Adam(learningRate))
                .dataSetFeatureMapping("x", "mask")
                .dataSetLabelMapping("y")
                .build());
        derivativesQuietly(sd);
        List<int[]> trainBatches = batches(train);
        List<int[]> devBatches = batches(dev);
        Random random = new Random(seed);
        List<Double> history = new ArrayList<>();
        List<LayerWeights> best = null;
        int bestEpoch = 0;
        double bestF1 = Double.NEGATIVE_INFINITY;
        long started = System.nanoTime();
        for (int epoch = 1; epoch <= epochs; epoch++) {
            Collections.shuffle(trainBatches, random);
            for (int[] rows : trainBatches) {
                INDArray[] b = inputs(train, rows);
                sd.fit(new MultiDataSet(new INDArray[]{b[0], b[1]}, new INDArray[]{labels(trainGold, rows)}));
                boundNativeMemory();
            }
            double f1 = CalibrationFitter.macroF1(logits(sd, dev, devBatches), devGold, Calibration.identity());
            history.add(f1);
            boolean improved = f1 > bestF1;
            if (improved) {
                bestF1 = f1;
                bestEpoch = epoch;
                best = export(sd);
            }
            double elapsed = (System.nanoTime() - started) / 1e9;
            listener.onPhase(String.format(Locale.ROOT,
                    "encoder layers %d-%d, epoch %d/%d: dev macro-F1 %.3f%s (%.0f s)", firstLayer,
                    encoder.count() - 1, epoch, epochs, f1, improved ? " (best so far)" : "", elapsed));
        }
        return new Result(best, bestEpoch, history);
    }

    /**
     * Collects garbage when the process holds more than {@link #NATIVE_BUDGET} beyond its Java heap.
     * ND4J frees an array's native memory only once the collector has reclaimed its small Java object,
     * and JavaCPP forces a collection only past {@code maxPhysicalBytes}, four times the heap limit by
     * default: with the default heap on 24 GB, a retrain grew past 19 GB and was killed. Measured on
     * 1,500 sentences: peak 2.9 GB instead of 4.5-9.8 GB, 14 collections, the same time within noise.
     */
    private static void boundNativeMemory() {
        if (Pointer.physicalBytes() > Runtime.getRuntime().totalMemory() + NATIVE_BUDGET) {
            System.gc();
        }
    }

    /**
     * Derives the gradient graph now, with {@code System.out} muted: SameDiff 1.0.0-M2.1 prints a
     * line per operation to it while doing so, which would mix with the CLI's output.
     */
    private static synchronized void derivativesQuietly(SameDiff sd) {
        PrintStream out = System.out;
        System.setOut(new PrintStream(OutputStream.nullOutputStream()));
        try {
            sd.createGradFunction();
        } finally {
            System.setOut(out);
        }
    }

    /** The graph: layers firstLayer..count-2 over every piece, the last one at the first piece only. */
    private SameDiff build() {
        SameDiff sd = SameDiff.create();
        SDVariable x = sd.placeHolder("x", DataType.FLOAT, -1, -1, width);
        SDVariable mask = sd.placeHolder("mask", DataType.FLOAT, -1, 1, 1, -1);
        SDVariable y = sd.placeHolder("y", DataType.FLOAT, -1, Stance.values().length);
        SDVariable h = x;
        int last = encoder.count() - 1;
        for (int layer = firstLayer; layer < last; layer++) {
            h = layer(sd, h, mask, layer, false);
        }
        SDVariable cls = layer(sd, h, mask, last, true);
        SDVariable norm = cls.div(sd.math.sqrt(cls.mul(cls).sum(true, 1)));
        norm.rename("vector");
        Random random = new Random(seed);
        int labels = Stance.values().length;
        float[] w = new float[width * labels];
        double bound = Math.sqrt(6.0 / (width + labels));
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) ((random.nextDouble() * 2 - 1) * bound);
        }
        SDVariable weights = sd.var("head.W", Nd4j.create(w, new long[]{width, labels}, 'c'));
        SDVariable bias = sd.var("head.b", Nd4j.zeros(DataType.FLOAT, 1, labels));
        SDVariable logits = norm.mul(SCALE).mmul(weights).add(bias);
        logits.rename("logits");
        sd.loss.softmaxCrossEntropy("loss", y, logits, null);
        sd.setLossVariables("loss");
        return sd;
    }

    /** One BERT layer; {@code firstOnly} computes it for the first piece only ({@code [B,D]}), else {@code [B,T,D]}. */
    private SDVariable layer(SameDiff sd, SDVariable x, SDVariable mask, int layer, boolean firstOnly) {
        LayerWeights init = encoder.weights(layer);
        Map<String, SDVariable> p = new LinkedHashMap<>();
        for (String name : LayerWeights.names()) {
            float[] v = init.get(name);
            // A dense weight is [in][out] with out = its bias's length; vectors are rows.
            int columns = init.get(name.replace(".weight", ".bias")).length;
            long[] shape = LayerWeights.DENSE.contains(name.replace(".weight", ""))
                    ? new long[]{v.length / columns, columns}
                    : new long[]{1, v.length};
            p.put(name, sd.var(varName(layer, name), Nd4j.create(v, shape, 'c')));
        }
        int headWidth = width / heads;
        SDVariable batchAndLength = x.shape().get(SDIndex.interval(0, 2));
        SDVariable byHead = sd.concat(0, batchAndLength, sd.constant(Nd4j.createFromArray((long) heads, (long) headWidth)));
        SDVariable flat = x.reshape(-1, width);
        SDVariable k = dense(flat, p, "attention.self.key").reshape(byHead).permute(0, 2, 3, 1);
        SDVariable v = dense(flat, p, "attention.self.value").reshape(byHead).permute(0, 2, 1, 3);
        SDVariable residual;
        SDVariable q;
        if (firstOnly) {
            residual = x.get(SDIndex.all(), SDIndex.point(0), SDIndex.all());
            q = dense(residual, p, "attention.self.query").reshape(-1, heads, 1, headWidth);
        } else {
            residual = flat;
            q = dense(flat, p, "attention.self.query").reshape(byHead).permute(0, 2, 1, 3);
        }
        SDVariable attention = sd.nn.softmax(sd.mmul(q, k).div(Math.sqrt(headWidth)).add(mask), 3);
        SDVariable context = sd.mmul(attention, v);
        context = firstOnly ? context.reshape(-1, width) : context.permute(0, 2, 1, 3).reshape(-1, width);
        SDVariable h1 = norm(sd, dense(context, p, "attention.output.dense").add(residual), p, "attention.output.LayerNorm");
        SDVariable pre = dense(h1, p, "intermediate.dense");
        SDVariable gelu = pre.mul(0.5).mul(sd.math.erf(pre.div(Math.sqrt(2))).add(1.0));
        SDVariable h2 = norm(sd, dense(gelu, p, "output.dense").add(h1), p, "output.LayerNorm");
        if (firstOnly) {
            return h2;
        }
        return h2.reshape(sd.concat(0, batchAndLength, sd.constant(Nd4j.createFromArray((long) width))));
    }

    private static SDVariable dense(SDVariable x, Map<String, SDVariable> p, String name) {
        return x.mmul(p.get(name + ".weight")).add(p.get(name + ".bias"));
    }

    /** Layer norm over the last axis, epsilon 1e-12 as in BERT. */
    private static SDVariable norm(SameDiff sd, SDVariable x, Map<String, SDVariable> p, String name) {
        SDVariable centred = x.sub(x.mean(true, 1));
        SDVariable variance = centred.mul(centred).mean(true, 1);
        return centred.div(sd.math.sqrt(variance.add(1e-12))).mul(p.get(name + ".weight")).add(p.get(name + ".bias"));
    }

    private static String varName(int layer, String name) {
        return "layer" + layer + "." + name;
    }

    /** The current weights of the trained layers, copied out of the graph. */
    private List<LayerWeights> export(SameDiff sd) {
        List<LayerWeights> out = new ArrayList<>();
        for (int layer = firstLayer; layer < encoder.count(); layer++) {
            Map<String, float[]> values = new LinkedHashMap<>();
            for (String name : LayerWeights.names()) {
                values.put(name, sd.getVariable(varName(layer, name)).getArr().dup('c').data().asFloat());
            }
            out.add(new LayerWeights(values));
        }
        return out;
    }

    /** Batches of similar length (sorted by length, cut every {@link #BATCH}); their order is shuffled per epoch. */
    private static List<int[]> batches(float[][][] states) {
        Integer[] order = new Integer[states.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.comparingInt((Integer i) -> states[i].length).thenComparingInt(i -> i));
        List<int[]> out = new ArrayList<>();
        for (int start = 0; start < order.length; start += BATCH) {
            out.add(Arrays.stream(order, start, Math.min(order.length, start + BATCH)).mapToInt(Integer::intValue).toArray());
        }
        return out;
    }

    /** Padded states {@code [B,T,D]} and the additive attention mask {@code [B,1,1,T]}. */
    private INDArray[] inputs(float[][][] states, int[] rows) {
        int length = 0;
        for (int r : rows) {
            length = Math.max(length, states[r].length);
        }
        length = (length + LENGTH_STEP - 1) / LENGTH_STEP * LENGTH_STEP;
        float[] x = new float[rows.length * length * width];
        float[] mask = new float[rows.length * length];
        for (int i = 0; i < rows.length; i++) {
            float[][] s = states[rows[i]];
            for (int t = 0; t < length; t++) {
                if (t < s.length) {
                    System.arraycopy(s[t], 0, x, (i * length + t) * width, width);
                } else {
                    mask[i * length + t] = (float) MASKED;
                }
            }
        }
        return new INDArray[]{Nd4j.create(x, new long[]{rows.length, length, width}, 'c'),
                Nd4j.create(mask, new long[]{rows.length, 1, 1, length}, 'c')};
    }

    private static INDArray labels(int[] gold, int[] rows) {
        float[] y = new float[rows.length * Stance.values().length];
        for (int i = 0; i < rows.length; i++) {
            y[i * Stance.values().length + gold[rows[i]]] = 1f;
        }
        return Nd4j.create(y, new long[]{rows.length, Stance.values().length}, 'c');
    }

    /**
     * The sentence vectors the layers compute from {@code states} with the weights they start from
     * (the encoder's own, or {@code layers} when given): for checking that what is trained is what runs.
     */
    float[][] vectors(float[][][] states, List<LayerWeights> layers) {
        SameDiff sd = build();
        if (layers != null) {
            for (int k = 0; k < layers.size(); k++) {
                for (String name : LayerWeights.names()) {
                    SDVariable v = sd.getVariable(varName(firstLayer + k, name));
                    v.setArray(Nd4j.create(layers.get(k).get(name), v.getArr().shape(), 'c'));
                }
            }
        }
        float[][] out = new float[states.length][];
        for (int[] rows : batches(states)) {
            INDArray[] b = inputs(states, rows);
            INDArray vectors = sd.output(Map.of("x", b[0], "mask", b[1]), "vector").get("vector");
            for (int i = 0; i < rows.length; i++) {
                out[rows[i]] = vectors.getRow(i).toFloatVector();
            }
        }
        return out;
    }

    /** The linear layer's outputs for every sentence. */
    private double[][] logits(SameDiff sd, float[][][] states, List<int[]> batches) {
        double[][] out = new double[states.length][];
        for (int[] rows : batches) {
            INDArray[] b = inputs(states, rows);
            INDArray logits = sd.output(Map.of("x", b[0], "mask", b[1]), "logits").get("logits");
            for (int i = 0; i < rows.length; i++) {
                out[rows[i]] = logits.getRow(i).toDoubleVector();
            }
        }
        return out;
    }
}
