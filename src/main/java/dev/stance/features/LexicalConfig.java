package dev.stance.features;

/**
 * Settings of the lexical featurizer ({@value #ID}); recorded in every model file.
 *
 * @param buckets      size of the hashed feature space (rows of the embedding table), at least 1024
 * @param prefixLength length of the word-prefix ("poor man's stem") feature; 0 turns it off
 * @param cues         whether to add cue-class features (see {@link CueLexicon})
 */
public record LexicalConfig(int buckets, int prefixLength, boolean cues) {

    /** Stable id of the featurizer these settings configure. */
    public static final String ID = "lex-v1";

    public LexicalConfig {
        if (buckets < 1024) {
            throw new IllegalArgumentException("buckets must be >= 1024, got " + buckets);
        }
        if (prefixLength < 0 || prefixLength > 16) {
            throw new IllegalArgumentException("prefixLength must be in [0, 16], got " + prefixLength);
        }
    }

    /** The settings the bundled models use. */
    public static LexicalConfig defaults() {
        return new LexicalConfig(1 << 17, 5, true);
    }
}
