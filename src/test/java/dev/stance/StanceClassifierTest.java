package dev.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The public API on the bundled default model. */
class StanceClassifierTest {

    static StanceClassifier classifier;
    static List<String> sentences;

    @BeforeAll
    static void load() {
        classifier = StanceClassifier.loadDefault();
        sentences = TestCorpus.slice("test.tsv", 60).stream().map(LabelledSentence::text).toList();
    }

    @Test
    void scoresAreAProbabilityDistributionWithTheLabelAsArgmax() {
        for (String s : sentences) {
            Prediction p = classifier.classify(s);
            double sum = p.scores().values().stream().mapToDouble(Double::doubleValue).sum();
            assertEquals(1.0, sum, 1e-9, s);
            double max = p.scores().values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
            assertEquals(max, p.confidence(), 0.0);
            assertEquals(max, p.score(p.stance()), 0.0);
        }
    }

    @Test
    void classifyAllEqualsOneByOne() {
        List<String> many = new ArrayList<>(sentences);
        many.addAll(sentences); // more than one internal batch
        List<Prediction> batched = classifier.classifyAll(many);
        for (int i = 0; i < many.size(); i++) {
            assertEquals(classifier.classify(many.get(i)), batched.get(i), many.get(i));
        }
    }

    @Test
    void analyzeGivesOffsetsIntoTheStatementAndASummary() {
        String statement = "  We reject these allegations as groundless.\n\nThe minister will travel to Nairobi next week. "
                + "We call on both sides to return to the negotiating table.";
        StatementAnalysis a = classifier.analyze(statement);
        assertEquals(3, a.sentences().size());
        for (SentenceAnalysis s : a.sentences()) {
            assertEquals(s.text(), statement.substring(s.begin(), s.end()));
            assertEquals(classifier.classify(s.text()), s.prediction());
        }
        int total = a.counts().values().stream().mapToInt(Integer::intValue).sum();
        assertEquals(3, total);
        for (Stance s : a.stances()) {
            assertTrue(a.counts().get(s) > 0);
            assertTrue(s != Stance.NONE);
        }
    }

    @Test
    void nullIsRejectedAndBlankIsNone() {
        assertThrows(IllegalArgumentException.class, () -> classifier.classify(null));
        assertThrows(IllegalArgumentException.class, () -> classifier.analyze(null));
        assertThrows(IllegalArgumentException.class, () -> classifier.classifyAll(null));
        assertThrows(IllegalArgumentException.class, () -> classifier.classifyAll(Arrays.asList("a", null)));
        for (String blank : List.of("", "   ", "\n\t")) {
            Prediction p = classifier.classify(blank);
            assertEquals(Stance.NONE, p.stance());
            assertEquals(1.0, p.confidence());
        }
        assertTrue(classifier.analyze("  \n ").sentences().isEmpty());
    }
}
