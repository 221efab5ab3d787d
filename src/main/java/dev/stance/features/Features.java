package dev.stance.features;

/**
 * The features of a batch of sentences, row {@code i} for sentence {@code i}.
 *
 * @param ids     lexical feature ids per sentence, or null without lexical features
 * @param encoded encoder vectors per sentence, or null without an encoder
 */
public record Features(int[][] ids, float[][] encoded) {

    /** Number of sentences. */
    public int size() {
        return ids != null ? ids.length : encoded.length;
    }
}
