package dev.stance.bench;

import java.util.Locale;

import dev.stance.text.Tokenizer;

/**
 * How sentences are given to the baselines: our tokens (OpenNLP's simple tokenizer rules),
 * lower-cased and joined by single spaces, the usual preprocessing for fastText, which only
 * splits on white space. Both baselines train and predict on this form; its cost is counted in
 * OpenNLP's in-process figures but not in fastText's command-line ones (its input file is
 * prepared beforehand), which favours fastText slightly.
 */
final class Baselines {

    private static final Tokenizer TOKENIZER = new Tokenizer();

    private Baselines() {
    }

    /** Lower-cased tokens of {@code sentence}. */
    static String[] tokens(String sentence) {
        int[] offsets = TOKENIZER.tokenize(sentence);
        String[] tokens = new String[offsets.length / 2];
        for (int i = 0; i < tokens.length; i++) {
            tokens[i] = sentence.substring(offsets[2 * i], offsets[2 * i + 1]).toLowerCase(Locale.ROOT);
        }
        return tokens;
    }

    /** The tokens as one line of text. */
    static String line(String sentence) {
        return String.join(" ", tokens(sentence));
    }
}
