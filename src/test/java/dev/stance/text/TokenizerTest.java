package dev.stance.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TokenizerTest {

    private final Tokenizer tokenizer = new Tokenizer();

    @Test
    void givesOffsetsOfWordsAndPunctuation() {
        assertArrayEquals(new int[]{0, 2, 3, 9, 9, 10}, tokenizer.tokenize("We reject."));
    }

    @Test
    void capsTheNumberOfTokens() {
        String huge = "word ".repeat(10_000);
        assertEquals(2 * Tokenizer.MAX_TOKENS, tokenizer.tokenize(huge).length);
    }

    @Test
    void blankHasNoTokens() {
        assertEquals(0, tokenizer.tokenize("   ").length);
    }
}
