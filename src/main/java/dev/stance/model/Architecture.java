package dev.stance.model;

import java.util.List;

import dev.stance.features.EncoderSpec;
import dev.stance.features.LexicalConfig;

/**
 * What the network looks like and which features feed it; recorded in every model file.
 * At least one of {@code lexical} and {@code encoder} is present. The network averages the
 * embeddings of the lexical feature ids, concatenates the sentence-encoder vector, applies the
 * ReLU {@code hidden} layers and a softmax output over the five labels.
 *
 * @param featurizer   id of the lexical featurizer ({@value LexicalConfig#ID}), or null without lexical features
 * @param lexical      lexical featurizer settings, or null for none
 * @param embeddingDim width of the lexical embedding (0 when {@code lexical} is null)
 * @param encoder      pretrained sentence encoder, or null for none
 * @param hidden       widths of the hidden layers, possibly empty
 * @param encoderAdaptation SHA-256 of the encoder's trained top layers stored in the model file
 *                     ({@link dev.stance.features.EncoderAdaptation}), or null for the pretrained encoder
 */
public record Architecture(String featurizer, LexicalConfig lexical, int embeddingDim, EncoderSpec encoder, List<Integer> hidden,
                           String encoderAdaptation) {

    /** An architecture whose encoder (if any) runs as pretrained. */
    public Architecture(String featurizer, LexicalConfig lexical, int embeddingDim, EncoderSpec encoder, List<Integer> hidden) {
        this(featurizer, lexical, embeddingDim, encoder, hidden, null);
    }

    public Architecture {
        if (encoderAdaptation != null && encoder == null) {
            throw new IllegalArgumentException("an encoder adaptation needs an encoder");
        }
        hidden = List.copyOf(hidden);
        if (lexical == null && encoder == null) {
            throw new IllegalArgumentException("a network needs lexical features, an encoder, or both");
        }
        if (lexical != null && !LexicalConfig.ID.equals(featurizer)) {
            throw new IllegalArgumentException("unknown featurizer \"" + featurizer + "\" (this library has "
                    + LexicalConfig.ID + ")");
        }
        if (lexical != null && embeddingDim <= 0) {
            throw new IllegalArgumentException("embeddingDim must be > 0 with lexical features, got " + embeddingDim);
        }
        if (lexical == null && embeddingDim != 0) {
            throw new IllegalArgumentException("embeddingDim must be 0 without lexical features, got " + embeddingDim);
        }
        for (int width : hidden) {
            if (width <= 0) {
                throw new IllegalArgumentException("hidden layer widths must be > 0, got " + hidden);
            }
        }
    }

    /** Width of the vector entering the first hidden (or output) layer. */
    public int inputWidth() {
        return embeddingDim + (encoder == null ? 0 : encoder.dimension());
    }
}
