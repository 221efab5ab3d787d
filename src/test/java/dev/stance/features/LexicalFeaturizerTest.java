package dev.stance.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LexicalFeaturizerTest {

    private final LexicalFeaturizer featurizer = new LexicalFeaturizer(LexicalConfig.defaults());

    /**
     * Feature ids computed by the lex-v1 featurizer before the fast-path rewrite (OpenNLP's
     * SimpleTokenizer, one array per step). Every trained model depends on them: they must never change.
     */
    private static final List<Map.Entry<String, int[]>> PINNED = List.of(
            Map.entry("We firmly reject these baseless allegations.",
                    new int[]{128461, 35056, 57771, 82495, 121966, 115283, 68593, 49979, 71245, 58065, 54990, 2646, 14028, 45701, 96174, 124292, 89911, 59935, 83148, 122796}),
            Map.entry("We do not condemn the talks; we won't accept it?",
                    new int[]{128461, 35056, 84772, 98314, 97525, 26637, 73179, 93515, 116575, 87339, 72221, 27581, 990, 3400, 92314, 129119, 17638, 128461, 53728, 127642, 106058, 101622, 37923, 91143, 116833, 85175, 24115, 35912, 23736, 48099, 64225, 16712, 50663, 119343}),
            Map.entry("Le ministre a dénoncé l'attaque du 12 mai 2024 — inacceptable!",
                    new int[]{107231, 117474, 46954, 119199, 84708, 97269, 73600, 15643, 77930, 37335, 60721, 77006, 101622, 126583, 1832, 21524, 29854, 80336, 5920, 51772, 86472, 2880, 94070, 32878, 101624, 130401, 8140, 124560, 46523, 3871, 6626, 35901, 86509}),
            Map.entry("   The   DELEGATION   met at 10:30 in Geneva (UN-led)   ",
                    new int[]{72221, 81269, 105503, 22708, 104603, 80757, 98790, 120822, 85304, 51772, 25782, 9559, 97667, 51772, 58869, 84095, 16357, 120313, 89085, 31000, 96147, 61494, 74702, 18293, 87802, 30358, 105341, 93968, 77710, 66570, 125970}),
            Map.entry("Ceasefire NOW?!",
                    new int[]{46704, 114106, 125696, 40194, 96249, 129006, 64225, 79464, 6626, 104681, 86509}),
            Map.entry("x",
                    new int[]{74719, 5600, 17470}),
            Map.entry("Ünïcödé ＡＢＣ ١٢٣ 中文 emoji 😀 tab\there",
                    new int[]{993, 128283, 35422, 69277, 64082, 86512, 33443, 26965, 3862, 71489, 19650, 13346, 58932, 24342, 122787, 38102, 94899, 92791, 79108, 26261}));

    @Test
    void featureIdsArePinned() {
        for (Map.Entry<String, int[]> e : PINNED) {
            assertArrayEquals(e.getValue(), featurizer.features(e.getKey()), e.getKey());
        }
        // Bucket counts that are not a power of two, no cues, another prefix length.
        assertArrayEquals(new int[]{1377, 32, 976, 1322, 61, 689, 87, 1167, 300, 653, 173, 1130, 900, 768, 743, 782,
                1377, 656, 22, 810, 1150, 607, 699, 853, 1095, 463, 645, 928, 387, 845, 120, 1091, 1379},
                new LexicalFeaturizer(new LexicalConfig(1500, 4, false)).features(PINNED.get(1).getKey()));
        // Past the token cap: only the first 512 tokens count.
        int[] capped = featurizer.features("Talks... resumed!! on 3rd May, 2024 ... ".repeat(60));
        assertEquals(1166, capped.length);
        assertEquals(1402175765, Arrays.hashCode(capped));
    }

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
