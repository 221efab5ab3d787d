package dev.stance.features;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The float weights of one transformer layer of a BERT-style encoder, by the names Hugging Face
 * gives them inside the layer: {@code attention.self.query.weight} (row-major {@code [in][out]}),
 * {@code attention.self.query.bias}, ..., {@code output.LayerNorm.bias}. Read from the encoder by
 * {@link EncoderLayers#weights(int)}, changed by training, written back as an {@link EncoderAdaptation}.
 *
 * @param values every tensor of the layer by name (see {@link #names()})
 */
public record LayerWeights(Map<String, float[]> values) {

    /** The dense projections of a layer, in the order they run. */
    public static final List<String> DENSE = List.of("attention.self.query", "attention.self.key",
            "attention.self.value", "attention.output.dense", "intermediate.dense", "output.dense");
    /** The layer norms of a layer: after attention, after the feed-forward block. */
    public static final List<String> NORMS = List.of("attention.output.LayerNorm", "output.LayerNorm");

    public LayerWeights {
        values = Map.copyOf(values);
        for (String name : names()) {
            if (!values.containsKey(name)) {
                throw new IllegalArgumentException("layer weights lack " + name);
            }
        }
    }

    /** Every tensor name of a layer. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (String dense : DENSE) {
            names.add(dense + ".weight");
            names.add(dense + ".bias");
        }
        for (String norm : NORMS) {
            names.add(norm + ".weight");
            names.add(norm + ".bias");
        }
        return names;
    }

    /** The tensor called {@code name}. */
    public float[] get(String name) {
        float[] v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("no tensor " + name + " in a layer (known: " + names() + ")");
        }
        return v;
    }
}
