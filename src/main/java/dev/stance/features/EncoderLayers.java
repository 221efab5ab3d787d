package dev.stance.features;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The inside of a quantised BERT-style encoder, for training its top layers on stance data: the
 * hidden states that enter a layer, the float weights of a layer (dequantised from int8), and the
 * way back, new weights quantised into an {@link EncoderAdaptation} that the encoder runs with.
 * Opened by {@link Encoders#layers(EncoderSpec)}; used only by training.
 */
public final class EncoderLayers {

    private final EncoderSpec spec;
    private final byte[] model;
    private final String tokenizer;
    private final int heads;
    private final Map<String, OnnxGraph.Initializer> initializers;
    private final Map<String, OnnxGraph.Node> nodes = new LinkedHashMap<>();
    private final int count;
    private final Map<Integer, OnnxSentenceEncoder> probes = new ConcurrentHashMap<>();

    private static final Pattern LAYER = Pattern.compile("/encoder/layer\\.(\\d+)/");

    EncoderLayers(EncoderSpec spec, byte[] model, String tokenizer, int heads) {
        this.spec = spec;
        this.model = model;
        this.tokenizer = tokenizer;
        this.heads = heads;
        OnnxGraph graph = new OnnxGraph(model);
        this.initializers = graph.initializers();
        int layers = 0;
        for (OnnxGraph.Node node : graph.nodes()) {
            nodes.put(node.name(), node);
            Matcher m = LAYER.matcher(node.name());
            if (m.lookingAt()) {
                layers = Math.max(layers, Integer.parseInt(m.group(1)) + 1);
            }
        }
        this.count = layers;
        for (int layer = 0; layer < count; layer++) {
            for (String dense : LayerWeights.DENSE) {
                weightName(layer, dense); // fails early for a graph of another shape
            }
        }
        if (count == 0) {
            throw new IllegalArgumentException("encoder " + spec.id() + " has no /encoder/layer.N nodes to adapt");
        }
    }

    /** The encoder these layers belong to. */
    public EncoderSpec spec() {
        return spec;
    }

    /** Number of transformer layers. */
    public int count() {
        return count;
    }

    /** Attention heads per layer. */
    public int heads() {
        return heads;
    }

    /** Width of the hidden states. */
    public int width() {
        return spec.dimension();
    }

    /**
     * The hidden states entering layer {@code layer} for each sentence, {@code [sentence][piece][width]},
     * computed by the pretrained encoder exactly as it runs when classifying (one call per sentence).
     *
     * @param layer 1 to {@code count() - 1}
     */
    public float[][][] statesBefore(int layer, List<String> sentences) {
        checkLayer(layer, 1);
        String output = "/encoder/layer." + (layer - 1) + "/output/LayerNorm/Add_1_output_0";
        OnnxGraph.Node producer = nodes.get("/encoder/layer." + (layer - 1) + "/output/LayerNorm/Add_1");
        if (producer == null || !producer.outputs().contains(output)) {
            throw new IllegalArgumentException("encoder " + spec.id() + " has no value " + output);
        }
        // One session per layer asked for (each holds the whole model), kept for the next call.
        OnnxSentenceEncoder probe = probes.computeIfAbsent(layer, l -> new OnnxSentenceEncoder(spec,
                new OnnxGraph(model).withOutputs(List.of(output)), tokenizer, OnnxSentenceEncoder.Pooling.CLS, null));
        return probe.states(sentences, output);
    }

    /** The float weights of layer {@code layer} (0-based), dequantised where the encoder stores int8. */
    public LayerWeights weights(int layer) {
        checkLayer(layer, 0);
        Map<String, float[]> values = new LinkedHashMap<>();
        for (String dense : LayerWeights.DENSE) {
            String base = weightName(layer, dense);
            OnnxGraph.Initializer q = initializer(base + "_quantized");
            float[] scale = initializer(base + "_scale").floats();
            int[] zero = initializer(base + "_zero_point").ints();
            int out = (int) q.dims()[1];
            float[] w = new float[q.size()];
            for (int i = 0; i < w.length; i++) {
                int column = i % out;
                w[i] = (q.ints()[i] - zero[zero.length == 1 ? 0 : column]) * scale[scale.length == 1 ? 0 : column];
            }
            values.put(dense + ".weight", w);
            values.put(dense + ".bias", initializer(torchName(layer, dense + ".bias")).floats().clone());
        }
        for (String norm : LayerWeights.NORMS) {
            for (String part : List.of(".weight", ".bias")) {
                values.put(norm + part, initializer(torchName(layer, norm + part)).floats().clone());
            }
        }
        return new LayerWeights(values);
    }

    /**
     * New weights for layers {@code firstLayer} to {@code count() - 1}, quantised to int8 per output
     * column as the encoder stores them.
     *
     * @param layers one per layer from {@code firstLayer} up
     */
    public EncoderAdaptation adaptation(int firstLayer, List<LayerWeights> layers) {
        checkLayer(firstLayer, 0);
        if (layers.size() != count - firstLayer) {
            throw new IllegalArgumentException("layers " + firstLayer + " to " + (count - 1) + " need "
                    + (count - firstLayer) + " weight sets, got " + layers.size());
        }
        List<EncoderAdaptation.Tensor> tensors = new ArrayList<>();
        for (int k = 0; k < layers.size(); k++) {
            int layer = firstLayer + k;
            LayerWeights w = layers.get(k);
            for (String dense : LayerWeights.DENSE) {
                String base = weightName(layer, dense);
                OnnxGraph.Initializer q = initializer(base + "_quantized");
                quantize(base, q.dims(), w.get(dense + ".weight"), tensors);
                tensors.add(floatTensor(torchName(layer, dense + ".bias"), w.get(dense + ".bias")));
            }
            for (String norm : LayerWeights.NORMS) {
                for (String part : List.of(".weight", ".bias")) {
                    tensors.add(floatTensor(torchName(layer, norm + part), w.get(norm + part)));
                }
            }
        }
        return new EncoderAdaptation(firstLayer, tensors);
    }

    /**
     * Asymmetric int8 per output column, the scheme of ONNX Runtime's dynamic quantisation:
     * {@code w = (q - zero) * scale}, with 0 exactly representable.
     */
    private static void quantize(String base, long[] dims, float[] w, List<EncoderAdaptation.Tensor> out) {
        int rows = (int) dims[0];
        int columns = (int) dims[1];
        if (w.length != rows * columns) {
            throw new IllegalArgumentException(base + ": expected " + rows + "x" + columns + " weights, got " + w.length);
        }
        float[] scale = new float[columns];
        byte[] zero = new byte[columns];
        byte[] q = new byte[w.length];
        for (int j = 0; j < columns; j++) {
            float min = 0;
            float max = 0;
            for (int i = 0; i < rows; i++) {
                min = Math.min(min, w[i * columns + j]);
                max = Math.max(max, w[i * columns + j]);
            }
            float s = max > min ? (max - min) / 255f : 1f;
            int z = Math.round(-128 - min / s);
            z = Math.max(-128, Math.min(127, z));
            scale[j] = s;
            zero[j] = (byte) z;
            for (int i = 0; i < rows; i++) {
                int v = Math.round(w[i * columns + j] / s) + z;
                q[i * columns + j] = (byte) Math.max(-128, Math.min(127, v));
            }
        }
        out.add(new EncoderAdaptation.Tensor(base + "_quantized", OnnxGraph.INT8, dims.clone(), q));
        out.add(floatTensor(base + "_scale", scale));
        out.add(new EncoderAdaptation.Tensor(base + "_zero_point", OnnxGraph.INT8, new long[]{columns}, zero));
    }

    private static EncoderAdaptation.Tensor floatTensor(String name, float[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.asFloatBuffer().put(values);
        return new EncoderAdaptation.Tensor(name, OnnxGraph.FLOAT, new long[]{values.length}, b.array());
    }

    /** The stem of a dense layer's quantised weight names ({@code <stem>_quantized}, {@code _scale}, {@code _zero_point}). */
    private String weightName(int layer, String dense) {
        OnnxGraph.Node node = nodes.get("/encoder/layer." + layer + "/" + dense.replace('.', '/') + "/MatMul_quant");
        if (node == null || !"MatMulInteger".equals(node.op()) || node.inputs().size() < 4
                || !node.inputs().get(1).endsWith("_quantized")) {
            throw new IllegalArgumentException("encoder " + spec.id() + " is not a quantised BERT graph this library"
                    + " can adapt (no int8 " + dense + " in layer " + layer + ")");
        }
        String q = node.inputs().get(1);
        return q.substring(0, q.length() - "_quantized".length());
    }

    private static String torchName(int layer, String name) {
        return "encoder.layer." + layer + "." + name;
    }

    private OnnxGraph.Initializer initializer(String name) {
        OnnxGraph.Initializer i = initializers.get(name);
        if (i == null) {
            throw new IllegalArgumentException("encoder " + spec.id() + " has no initializer " + name);
        }
        return i;
    }

    private void checkLayer(int layer, int lowest) {
        if (layer < lowest || layer >= count) {
            throw new IllegalArgumentException("layer must be in [" + lowest + ", " + (count - 1) + "], got " + layer);
        }
    }
}
