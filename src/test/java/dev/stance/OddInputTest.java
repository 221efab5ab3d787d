package dev.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a news pipeline throws at the classifier: empty, odd, foreign, broken and huge text. Never a
 * crash, scores always a distribution, same answers batched or not. Run on both bundled models.
 */
class OddInputTest {

    static final List<String> ODD = List.of(
            "", " ", "\n\t\r ", "\u0000\u0001\u0007\u001b[31m control characters \u007f",
            "unpaired \uD800 high and \uDC00 low surrogates \uD83D", "😀🔥🇺🇳 emoji only 👍🏽",
            "نرفض هذه الاتهامات الباطلة رفضا قاطعا", "אנו דוחים את ההאשמות", "我们坚决反对任何形式的干涉。",
            "Мы категорически отвергаем эти обвинения.", "Nous condamnons fermement cette attaque.",
            "\u202Emirrored right-to-left override\u202C", "?!?!?!", "a", "ﬁ ligature and ＦＵＬＬＷＩＤＴＨ",
            "x".repeat(100_000), "word ".repeat(20_000));

    static StanceClassifier classifier(Variant variant) {
        return StanceClassifier.loadDefault(variant);
    }

    static void assertDistribution(Prediction p, String input) {
        double sum = 0;
        double max = -1;
        for (double v : p.scores().values()) {
            assertTrue(Double.isFinite(v) && v >= 0 && v <= 1, "score " + v + " for " + abbreviate(input));
            sum += v;
            max = Math.max(max, v);
        }
        assertEquals(1.0, sum, 1e-9, abbreviate(input));
        assertEquals(max, p.confidence(), 0.0);
        assertEquals(max, p.score(p.stance()), 0.0);
    }

    static String abbreviate(String s) {
        return s.length() < 60 ? s : s.substring(0, 60) + "...(" + s.length() + " chars)";
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void oddTextGetsAValidPrediction(Variant variant) {
        StanceClassifier c = classifier(variant);
        List<Prediction> batched = c.classifyAll(ODD);
        for (int i = 0; i < ODD.size(); i++) {
            Prediction p = c.classify(ODD.get(i));
            assertDistribution(p, ODD.get(i));
            assertEquals(p, batched.get(i), abbreviate(ODD.get(i)));
        }
        assertEquals(Stance.NONE, c.classify("").stance());
        assertEquals(Stance.NONE, c.classify(" \n ").stance());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void aMegabyteSentenceIsClassifiedOnItsFirstTokens(Variant variant) {
        StanceClassifier c = classifier(variant);
        String head = "We categorically reject these baseless allegations. ";
        String huge = head + "blah ".repeat(200_000);
        assertTrue(huge.length() > 1_000_000);
        assertDistribution(c.classify(huge), huge);
        StatementAnalysis a = c.analyze(huge);
        assertEquals(2, a.sentences().size());
        assertEquals(huge.strip(), huge.substring(a.sentences().get(0).begin(), a.sentences().get(1).end()).strip());
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void randomUnicodeKeepsTheInvariants(Variant variant) {
        StanceClassifier c = classifier(variant);
        Random random = new Random(variant.ordinal() + 1);
        int cases = variant == Variant.FAST ? 2000 : 300;
        List<String> inputs = new ArrayList<>();
        for (int i = 0; i < cases; i++) {
            inputs.add(randomText(random));
        }
        List<Prediction> batched = c.classifyAll(inputs);
        for (int i = 0; i < cases; i++) {
            Prediction p = c.classify(inputs.get(i));
            assertDistribution(p, inputs.get(i));
            assertEquals(p, batched.get(i), "case " + i);
        }
    }

    @ParameterizedTest
    @EnumSource(Variant.class)
    void streamingAnalysisEqualsTheStringOneAcrossChunkBoundaries(Variant variant) throws IOException {
        StanceClassifier c = classifier(variant);
        Random random = new Random(9);
        List<String> sentences = TestCorpus.slice("dev.tsv", 40).stream().map(LabelledSentence::text).toList();
        StringBuilder sb = new StringBuilder();
        int target = variant == Variant.FAST ? 300_000 : 150_000; // several 64K chunks
        while (sb.length() < target) {
            sb.append(sentences.get(random.nextInt(sentences.size()))).append(random.nextInt(4) == 0 ? "\n\n" : " ");
        }
        String text = sb.toString();
        StatementAnalysis whole = c.analyze(text);
        List<SentenceAnalysis> streamed = new ArrayList<>();
        c.analyze(new StringReader(text), streamed::add);
        assertEquals(whole.sentences(), streamed);
        int previousEnd = 0;
        for (SentenceAnalysis s : streamed) {
            assertEquals(s.text(), text.substring(s.begin(), s.end()));
            assertTrue(s.begin() >= previousEnd);
            previousEnd = s.end();
        }
        assertThrows(IllegalArgumentException.class, () -> c.analyze(null, s -> { }));
        assertThrows(IllegalArgumentException.class, () -> c.analyze(new StringReader("x"), null));
    }

    /** Random text mixing ASCII words, punctuation, controls, surrogates (paired or not), emoji and other scripts. */
    static String randomText(Random random) {
        int length = random.nextInt(random.nextInt(10) == 0 ? 2000 : 80);
        StringBuilder sb = new StringBuilder();
        String[] words = {"we", "condemn", "reject", "talks", "the", "baseless", "dialogue", "not", "attack", "Mr."};
        while (sb.length() < length) {
            switch (random.nextInt(8)) {
                case 0 -> sb.append(words[random.nextInt(words.length)]).append(' ');
                case 1 -> sb.append((char) random.nextInt(0x20));
                case 2 -> sb.append((char) (0xD800 + random.nextInt(0x800)));
                case 3 -> sb.appendCodePoint(0x1F300 + random.nextInt(0x300));
                case 4 -> sb.appendCodePoint(0x0590 + random.nextInt(0x200));
                case 5 -> sb.append(".!?,;:\"'()".charAt(random.nextInt(10)));
                case 6 -> sb.append((char) random.nextInt(0x10000));
                default -> sb.appendCodePoint(0x4E00 + random.nextInt(0x5000));
            }
        }
        return sb.toString();
    }
}
