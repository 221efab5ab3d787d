package dev.stance.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void rejectsBadValuesWithTheValue() {
        TrainingConfig c = TrainingConfig.lexicalDefaults();
        assertEquals("epochs must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> c.withEpochs(0)).getMessage());
        assertEquals("learningRate must be > 0, got -1.0",
                assertThrows(IllegalArgumentException.class, () -> c.withLearningRate(-1)).getMessage());
    }

    @Test
    void presetsByName() {
        assertEquals("lexical", TrainingConfig.preset("lexical").name());
        assertEquals("combined", TrainingConfig.preset("combined").name());
        assertThrows(IllegalArgumentException.class, () -> TrainingConfig.preset("huge"));
    }

    @Test
    void encoderTuningIsCheckedAndNeedsAnEncoder() {
        assertEquals("tuned encoder layers must be > 0, got 0",
                assertThrows(IllegalArgumentException.class, () -> new TrainingConfig.EncoderTuning(0, 1, 1e-4)).getMessage());
        assertEquals("encoder tuning learningRate must be > 0, got NaN",
                assertThrows(IllegalArgumentException.class,
                        () -> new TrainingConfig.EncoderTuning(2, 1, Double.NaN)).getMessage());
        TrainingConfig.EncoderTuning tuning = TrainingConfig.encoderDefaults().tuning();
        assertEquals("encoder tuning needs an encoder", assertThrows(IllegalArgumentException.class,
                () -> TrainingConfig.lexicalDefaults().withTuning(tuning)).getMessage());
        assertEquals(null, TrainingConfig.encoderDefaults().withTuning(null).tuning());
    }

    @Test
    void copiesChangeOneThing() {
        TrainingConfig c = TrainingConfig.lexicalDefaults().withSeed(7);
        assertEquals(7, c.seed());
        assertEquals(TrainingConfig.lexicalDefaults().epochs(), c.epochs());
    }
}
