package dev.stance.features;

import java.util.List;

/**
 * Computes everything a network needs for a batch of sentences: lexical ids and/or encoder
 * vectors. Thread-safe when its parts are (both of ours are).
 */
public final class Featurizer {

    private final LexicalFeaturizer lexical;
    private final SentenceEncoder encoder;

    /**
     * @param lexical the lexical featurizer, or null for none
     * @param encoder the sentence encoder, or null for none
     */
    public Featurizer(LexicalFeaturizer lexical, SentenceEncoder encoder) {
        if (lexical == null && encoder == null) {
            throw new IllegalArgumentException("a featurizer needs lexical features, an encoder, or both");
        }
        this.lexical = lexical;
        this.encoder = encoder;
    }

    /** Features of {@code sentences}, in order. */
    public Features featurize(List<String> sentences) {
        int[][] ids = null;
        if (lexical != null) {
            ids = new int[sentences.size()][];
            for (int i = 0; i < ids.length; i++) {
                ids[i] = lexical.features(sentences.get(i));
            }
        }
        float[][] encoded = encoder == null ? null : encoder.encode(sentences);
        return new Features(ids, encoded);
    }
}
