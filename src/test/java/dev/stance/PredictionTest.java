package dev.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;

import org.junit.jupiter.api.Test;

class PredictionTest {

    @Test
    void takesTheArgmaxAsLabelAndConfidence() {
        Prediction p = Prediction.fromProbabilities(new double[]{0.1, 0.2, 0.5, 0.15, 0.05});
        assertEquals(Stance.CONDEMNATION, p.stance());
        assertEquals(0.5, p.confidence());
        assertEquals(0.15, p.score(Stance.CALL_FOR_NEGOTIATION));
        assertEquals(5, p.scores().size());
    }

    @Test
    void tiesGoToTheFirstLabel() {
        Prediction p = Prediction.fromProbabilities(new double[]{0.2, 0.2, 0.2, 0.2, 0.2});
        assertEquals(Stance.DENIAL, p.stance());
    }

    @Test
    void rejectsWrongLengthsAndMissingLabels() {
        assertThrows(IllegalArgumentException.class, () -> Prediction.fromProbabilities(new double[]{1.0}));
        assertThrows(IllegalArgumentException.class, () -> new Prediction(Stance.NONE, 1.0, Map.of(Stance.NONE, 1.0)));
    }

    @Test
    void scoresAreUnmodifiable() {
        Prediction p = Prediction.fromProbabilities(new double[]{0.1, 0.2, 0.5, 0.15, 0.05});
        assertThrows(UnsupportedOperationException.class, () -> p.scores().put(Stance.NONE, 1.0));
    }
}
