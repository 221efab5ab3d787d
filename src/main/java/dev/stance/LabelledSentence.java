package dev.stance;

import java.util.Objects;

/**
 * A sentence with its gold label: one training or evaluation example. Immutable.
 *
 * @param stance the gold label
 * @param text   the sentence, not blank
 * @param source where it came from, for error messages and reports (e.g. {@code train.tsv:12}); may be empty
 */
public record LabelledSentence(Stance stance, String text, String source) {

    public LabelledSentence {
        Objects.requireNonNull(stance, "stance");
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        if (text.isBlank()) {
            throw new IllegalArgumentException("empty sentence" + (source.isEmpty() ? "" : " at " + source));
        }
    }

    /** A labelled sentence with no recorded source. */
    public LabelledSentence(Stance stance, String text) {
        this(stance, text, "");
    }
}
