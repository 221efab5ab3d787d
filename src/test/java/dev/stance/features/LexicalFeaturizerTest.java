package dev.stance.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class LexicalFeaturizerTest {

    private final LexicalFeaturizer featurizer = new LexicalFeaturizer(LexicalConfig.defaults());

    @Test
    void isDeterministicAndInRange() {
        String s = "We condemn the shelling of the hospital in the strongest terms.";
        int[] a = featurizer.features(s);
        assertArrayEquals(a, new LexicalFeaturizer(LexicalConfig.defaults()).features(s));
        for (int id : a) {
            assertTrue(id >= 0 && id < LexicalConfig.defaults().buckets(), "id " + id);
        }
    }

    @Test
    void ignoresCaseAndFoldsDigits() {
        assertArrayEquals(featurizer.features("TALKS resumed on 12 May"), featurizer.features("talks resumed on 47 may"));
    }

    @Test
    void blankTextHasNoFeatures() {
        assertEquals(0, featurizer.features("").length);
        assertEquals(0, featurizer.features(" \t ").length);
    }

    @Test
    void inflectionsShareTheCueFeature() {
        int[] condemned = featurizer.features("condemned");
        int[] condemnation = featurizer.features("condemnation");
        assertTrue(Arrays.stream(condemned).anyMatch(id -> Arrays.stream(condemnation).anyMatch(other -> other == id)),
                "the cue class and the 5-letter prefix are shared");
    }

    @Test
    void aNegatedCueIsADifferentFeature() {
        int[] plain = featurizer.features("we condemn it");
        int[] negated = featurizer.features("we do not condemn it");
        long shared = Arrays.stream(plain).filter(id -> Arrays.stream(negated).anyMatch(o -> o == id)).count();
        assertNotEquals(plain.length, shared, "the cue feature differs once negated");
    }

    @Test
    void aQuestionMarkIsAFeature() {
        int[] statement = featurizer.features("talks will resume");
        int[] question = featurizer.features("talks will resume ?");
        assertFalse(Arrays.equals(statement, question));
    }
}
