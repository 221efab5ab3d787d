package dev.stance;

import java.util.Objects;

/**
 * One sentence of an analysed statement: where it is in the original text and its prediction.
 * {@code text} equals {@code statement.substring(begin, end)}. Immutable.
 *
 * @param text       the sentence as it appears in the statement
 * @param begin      offset of the first character, in UTF-16 code units of the statement
 * @param end        offset after the last character
 * @param prediction the stance predicted for the sentence
 */
public record SentenceAnalysis(String text, int begin, int end, Prediction prediction) {

    public SentenceAnalysis {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(prediction, "prediction");
        if (begin < 0 || end < begin) {
            throw new IllegalArgumentException("bad span [" + begin + ", " + end + ")");
        }
    }
}
