package dev.stance.text;

import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

/**
 * Splits a sentence into tokens with OpenNLP's {@link SimpleTokenizer} (runs of letters, of digits,
 * and single other characters), keeping at most {@link #MAX_TOKENS} of them. Returns offsets
 * rather than strings so that featurizers can hash characters without copying them.
 *
 * <p>Stateless and thread-safe.
 */
public final class Tokenizer {

    /**
     * Longest sentence considered, in tokens. Anything after is ignored: a scraped "sentence" of
     * a megabyte costs the same as one of 512 tokens.
     */
    public static final int MAX_TOKENS = 512;

    /**
     * Token offsets of {@code sentence}, packed as {@code [begin0, end0, begin1, end1, ...]}.
     * Only the first {@code 64 * MAX_TOKENS} characters are read.
     */
    public int[] tokenize(String sentence) {
        // Bound the work on huge inputs before OpenNLP sees them.
        String text = sentence.length() > 64 * MAX_TOKENS ? sentence.substring(0, 64 * MAX_TOKENS) : sentence;
        Span[] spans = SimpleTokenizer.INSTANCE.tokenizePos(text);
        int n = Math.min(spans.length, MAX_TOKENS);
        int[] offsets = new int[2 * n];
        for (int i = 0; i < n; i++) {
            offsets[2 * i] = spans[i].getStart();
            offsets[2 * i + 1] = spans[i].getEnd();
        }
        return offsets;
    }
}
