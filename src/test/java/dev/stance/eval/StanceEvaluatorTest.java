package dev.stance.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.stance.LabelledSentence;
import dev.stance.Prediction;
import dev.stance.Stance;

class StanceEvaluatorTest {

    private static Prediction predict(Stance s, double confidence) {
        double[] p = new double[5];
        double rest = (1 - confidence) / 4;
        Arrays.fill(p, rest);
        p[s.ordinal()] = confidence;
        return Prediction.fromProbabilities(p);
    }

    @Test
    void matchesAHandWorkedExample() {
        // gold:      DEN DEN ACC NONE NONE
        // predicted: DEN ACC ACC NONE DEN
        List<LabelledSentence> gold = List.of(
                new LabelledSentence(Stance.DENIAL, "a"), new LabelledSentence(Stance.DENIAL, "b"),
                new LabelledSentence(Stance.ACCUSATION, "c"), new LabelledSentence(Stance.NONE, "d"),
                new LabelledSentence(Stance.NONE, "e", "x.tsv:5"));
        List<Prediction> predicted = List.of(predict(Stance.DENIAL, 0.9), predict(Stance.ACCUSATION, 0.6),
                predict(Stance.ACCUSATION, 0.7), predict(Stance.NONE, 0.8), predict(Stance.DENIAL, 0.95));
        Evaluation e = StanceEvaluator.evaluate(gold, predicted);
        assertEquals(5, e.n());
        assertEquals(0.6, e.accuracy(), 1e-12);
        // DEN: P 1/2 R 1/2 F 1/2; ACC: P 1/2 R 1 F 2/3; NONE: P 1 R 1/2 F 2/3; CON, CALL: 0
        assertEquals(0.5, e.perLabel().get(Stance.DENIAL).f1(), 1e-12);
        assertEquals(2.0 / 3, e.perLabel().get(Stance.ACCUSATION).f1(), 1e-12);
        assertEquals(1.0, e.perLabel().get(Stance.NONE).precision(), 1e-12);
        assertEquals(0.0, e.perLabel().get(Stance.CONDEMNATION).f1(), 1e-12);
        assertEquals((0.5 + 2.0 / 3 + 2.0 / 3) / 5, e.macroF1(), 1e-12);
        assertEquals(2, e.perLabel().get(Stance.DENIAL).support());
        assertEquals(1, e.confusion().count(Stance.DENIAL, Stance.ACCUSATION));
        assertEquals(1, e.confusion().count(Stance.NONE, Stance.DENIAL));
        // Errors, most confident first.
        assertEquals(2, e.errors().size());
        assertEquals("e", e.errors().get(0).text());
        assertEquals("x.tsv:5", e.errors().get(0).source());
        assertEquals("b", e.errors().get(1).text());
    }

    @Test
    void calibrationErrorIsTheWeightedConfidenceGap() {
        List<LabelledSentence> gold = List.of(new LabelledSentence(Stance.NONE, "a"), new LabelledSentence(Stance.NONE, "b"));
        // Both in the 0.9 bin, confidence 0.9, one right: |0.9 - 0.5| = 0.4.
        Evaluation e = StanceEvaluator.evaluate(gold, List.of(predict(Stance.NONE, 0.9), predict(Stance.DENIAL, 0.9)));
        assertEquals(0.4, e.expectedCalibrationError(), 1e-9);
        assertEquals(2, e.reliability().get(9).count());
    }

    @Test
    void emptyInputGivesNaN() {
        Evaluation e = StanceEvaluator.evaluate(List.of(), List.of());
        assertTrue(Double.isNaN(e.macroF1()));
        assertTrue(Double.isNaN(e.accuracy()));
    }

    @Test
    void rejectsListsOfDifferentLength() {
        assertThrows(IllegalArgumentException.class,
                () -> StanceEvaluator.evaluate(List.of(new LabelledSentence(Stance.NONE, "a")), List.of()));
    }

    @Test
    void jsonHasTheDocumentedKeys() {
        Evaluation e = StanceEvaluator.evaluate(List.of(new LabelledSentence(Stance.NONE, "a")),
                List.of(predict(Stance.NONE, 0.9)));
        Map<String, Object> json = ReportRenderer.toJson(e);
        assertTrue(json.keySet().containsAll(List.of("macroF1", "accuracy", "perLabel", "confusion", "n")), json.keySet().toString());
        assertTrue(ReportRenderer.toText(e).contains("macro-F1"));
    }
}
