package dev.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StanceTest {

    @Test
    void parsesEveryLabelByName() {
        for (Stance s : Stance.values()) {
            assertEquals(s, Stance.parse(s.name()));
            assertEquals(s, Stance.ofIndex(s.ordinal()));
        }
    }

    @Test
    void unknownLabelNamesTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Stance.parse("DENY"));
        assertTrue(e.getMessage().contains("\"DENY\""), e.getMessage());
        assertTrue(e.getMessage().contains("DENIAL, ACCUSATION, CONDEMNATION, CALL_FOR_NEGOTIATION, NONE"), e.getMessage());
    }

    @Test
    void labelsAreCaseSensitive() {
        assertThrows(IllegalArgumentException.class, () -> Stance.parse("denial"));
    }
}
