package dev.stance.text;

import java.util.Arrays;

/**
 * Splits a sentence into tokens by the rules of OpenNLP's {@code SimpleTokenizer}: runs of
 * letters, runs of digits, and runs of one repeated other character ("...", "!!"), with white
 * space between; keeps at most {@link #MAX_TOKENS} of them. Returns offsets rather than strings so
 * that featurizers can hash characters without copying them.
 *
 * <p>Written out here rather than calling OpenNLP (which builds a {@code Span} object per token
 * and classifies every character with three {@link Character} calls): ASCII characters are
 * classified by table; a test checks that the offsets equal OpenNLP's on the whole corpus and on
 * random text, since the feature ids of every trained model depend on them.
 *
 * <p>Stateless and thread-safe.
 */
public final class Tokenizer {

    /**
     * Longest sentence considered, in tokens. Anything after is ignored: a scraped "sentence" of
     * a megabyte costs the same as one of 512 tokens.
     */
    public static final int MAX_TOKENS = 512;

    /** Characters read at most (tokens after them would be dropped anyway). */
    static final int MAX_CHARS = 64 * MAX_TOKENS;

    private static final byte WHITESPACE = 0;
    private static final byte LETTER = 1;
    private static final byte DIGIT = 2;
    private static final byte OTHER = 3;

    private static final byte[] ASCII = new byte[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII[c] = classify(c);
        }
    }

    /**
     * Token offsets of {@code sentence}, packed as {@code [begin0, end0, begin1, end1, ...]}.
     * Only the first {@code 64 * MAX_TOKENS} characters are read.
     */
    public int[] tokenize(String sentence) {
        int[] offsets = new int[2 * Math.min(MAX_TOKENS, Math.min(sentence.length(), MAX_CHARS))];
        int n = tokenize(sentence, offsets);
        return n * 2 == offsets.length ? offsets : Arrays.copyOf(offsets, 2 * n);
    }

    /**
     * Writes the token offsets of {@code sentence} into {@code offsets} (packed as in
     * {@link #tokenize(String)}) and returns the number of tokens. Lets callers reuse one buffer.
     *
     * @param offsets room for {@code 2 * min(MAX_TOKENS, sentence.length())} values
     */
    public int tokenize(String sentence, int[] offsets) {
        int length = Math.min(sentence.length(), MAX_CHARS);
        int count = 0;
        int start = -1;
        byte state = WHITESPACE;
        char previous = 0;
        for (int i = 0; i < length; i++) {
            char c = sentence.charAt(i);
            byte type = c < 128 ? ASCII[c] : classify(c);
            if (state == WHITESPACE) {
                if (type != WHITESPACE) {
                    start = i;
                }
            } else if (type != state || (type == OTHER && c != previous)) {
                offsets[2 * count] = start;
                offsets[2 * count + 1] = i;
                if (++count == MAX_TOKENS) {
                    return count;
                }
                start = i;
            }
            state = type;
            previous = c;
        }
        if (state != WHITESPACE) {
            offsets[2 * count] = start;
            offsets[2 * count + 1] = length;
            count++;
        }
        return count;
    }

    /** OpenNLP's character classes: its white space (Java's or a space separator), then letters, then digits. */
    private static byte classify(char c) {
        if (Character.isWhitespace(c) || Character.getType(c) == Character.SPACE_SEPARATOR) {
            return WHITESPACE;
        }
        if (Character.isAlphabetic(c)) {
            return LETTER;
        }
        return Character.isDigit(c) ? DIGIT : OTHER;
    }
}
