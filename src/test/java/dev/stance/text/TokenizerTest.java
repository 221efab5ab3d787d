package dev.stance.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import org.junit.jupiter.api.Test;

import opennlp.tools.tokenize.SimpleTokenizer;
import opennlp.tools.util.Span;

class TokenizerTest {

    private final Tokenizer tokenizer = new Tokenizer();

    @Test
    void givesOffsetsOfWordsAndPunctuation() {
        assertArrayEquals(new int[]{0, 2, 3, 9, 9, 10}, tokenizer.tokenize("We reject."));
        assertArrayEquals(new int[]{0, 4, 4, 7, 7, 8, 8, 9}, tokenizer.tokenize("Wait...?!"));
    }

    @Test
    void capsTheNumberOfTokens() {
        String huge = "word ".repeat(10_000);
        assertEquals(2 * Tokenizer.MAX_TOKENS, tokenizer.tokenize(huge).length);
    }

    @Test
    void blankHasNoTokens() {
        assertEquals(0, tokenizer.tokenize("   ").length);
        assertEquals(0, tokenizer.tokenize("").length);
    }

    /** Feature ids of every trained model depend on these offsets: they must be OpenNLP's. */
    @Test
    void agreesWithOpenNlpOnTheWholeCorpus() throws IOException {
        for (String file : new String[]{"train.tsv", "dev.tsv", "test.tsv"}) {
            for (String line : Files.readAllLines(Path.of("training-data", file))) {
                assertSameAsOpenNlp(line);
            }
        }
    }

    @Test
    void agreesWithOpenNlpOnRandomText() {
        // Letters, digits, punctuation, white space of several kinds (incl. no-break and line
        // separators), combining marks, non-Latin letters and digits, surrogate pairs.
        String alphabet = "aZé中ж0٣５ .,!!??--''\"\t\n\r\u00a0\u2007\u2028\u3000\u0301\u200b_$€😀";
        Random random = new Random(5);
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            sb.setLength(0);
            int n = random.nextInt(40);
            for (int k = 0; k < n; k++) {
                sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            assertSameAsOpenNlp(sb.toString());
        }
        assertSameAsOpenNlp("a.".repeat(Tokenizer.MAX_TOKENS / 2) + "tail");
        assertSameAsOpenNlp("x".repeat(Tokenizer.MAX_CHARS + 10));
        assertSameAsOpenNlp("ab ".repeat(Tokenizer.MAX_CHARS / 3 + 5));
    }

    private void assertSameAsOpenNlp(String s) {
        String text = s.length() > Tokenizer.MAX_CHARS ? s.substring(0, Tokenizer.MAX_CHARS) : s;
        Span[] spans = SimpleTokenizer.INSTANCE.tokenizePos(text);
        int n = Math.min(spans.length, Tokenizer.MAX_TOKENS);
        int[] expected = new int[2 * n];
        for (int i = 0; i < n; i++) {
            expected[2 * i] = spans[i].getStart();
            expected[2 * i + 1] = spans[i].getEnd();
        }
        assertArrayEquals(expected, tokenizer.tokenize(s), s);
    }
}
