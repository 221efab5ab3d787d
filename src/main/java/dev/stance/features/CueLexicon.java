package dev.stance.features;

import java.util.List;

/**
 * Hand-written cue words of each stance, matched as whole words or (with a trailing {@code *}) as
 * word prefixes, so that "condemned", "condemns" and "condemnation" share one feature. The network
 * learns how much each cue counts; cues only let rare inflections borrow strength from common
 * ones. A cue preceded by a negator within three tokens becomes a separate "negated cue" feature,
 * so "we do not condemn" can learn the opposite of "we condemn".
 */
final class CueLexicon {

    /** Cue classes; the index is part of the feature hash, so reordering changes lex-v1. */
    static final List<List<String>> CLASSES = List.of(
            // 0: denial
            List.of("deny", "deni*", "baseless", "groundless", "unfounded", "fabricat*", "falsehood*", "false",
                    "falsely", "untrue", "lie", "lies", "lying", "nonsense", "slander*", "smear*", "fake",
                    "hoax", "absurd", "ridiculous", "inaccura*", "refut*", "rebut*", "fiction", "myth",
                    "distort*", "misrepresent*", "disinformation"),
            // 1: accusation
            List.of("accus*", "culprit*", "perpetrat*", "violat*", "aggress*", "provocat*", "provok*",
                    "interfer*", "orchestrat*", "sponsor*", "harbo*", "arming", "destabili*", "plot*",
                    "sabotag*", "complicit*", "responsib*", "behind", "preparing", "intelligence",
                    "deliberate*", "systematic*", "campaign", "covert*", "breach*"),
            // 2: condemnation
            List.of("condemn*", "denounc*", "deplor*", "unacceptable", "outrag*", "abhor*", "reprehensib*",
                    "heinous", "barbar*", "despicable", "intolerable", "shameful", "cowardly", "atrocious",
                    "egregious", "appall*", "censur*", "oppose", "opposes", "inadmissible", "vile",
                    "unjustifiable", "unconscionable"),
            // 3: call for negotiation
            List.of("dialog*", "negotiat*", "talks", "ceasefire", "cease", "truce", "restraint", "escalat*",
                    "mediat*", "settlement", "diplomac*", "diplomatic*", "peaceful*", "table", "resum*",
                    "reconcil*", "compromis*", "offices", "envoy*", "summit*", "consultation*"));

    /** Words that negate a following cue. "t" is the tail of "n't" after tokenising. */
    static final List<String> NEGATORS = List.of("not", "no", "never", "nor", "neither", "without", "t", "nothing");

    static final int NOT_A_CUE = -1;

    /** Longest prefix length among the prefix cues. */
    static final int MAX_PREFIX = 12;

    // Open-addressing table from key hash to cue class (or NEGATOR).
    static final int NEGATOR = 100;
    private static final int TABLE_SIZE = 1024;
    private static final int[] KEYS = new int[TABLE_SIZE];
    private static final int[] VALUES = new int[TABLE_SIZE];
    private static final boolean[] USED = new boolean[TABLE_SIZE];
    /** PREFIX_LENGTHS[L] is true when some prefix cue has length L. */
    static final boolean[] PREFIX_LENGTHS = new boolean[MAX_PREFIX + 1];

    static {
        for (int c = 0; c < CLASSES.size(); c++) {
            for (String cue : CLASSES.get(c)) {
                if (cue.endsWith("*")) {
                    String stem = cue.substring(0, cue.length() - 1);
                    put(prefixKey(Hashing.hash(stem), stem.length()), c);
                    PREFIX_LENGTHS[stem.length()] = true;
                } else {
                    put(wordKey(Hashing.hash(cue)), c);
                }
            }
        }
        for (String negator : NEGATORS) {
            put(wordKey(Hashing.hash(negator)), NEGATOR);
        }
    }

    private CueLexicon() {
    }

    static int wordKey(int wordHash) {
        return Hashing.mix(wordHash, 0x5bd1e995);
    }

    static int prefixKey(int prefixHash, int length) {
        return Hashing.mix(prefixHash, 0x27d4eb2f + length);
    }

    /** The cue class (or {@link #NEGATOR}) stored under {@code key}, or {@link #NOT_A_CUE}. */
    static int lookup(int key) {
        int slot = key & (TABLE_SIZE - 1);
        while (USED[slot]) {
            if (KEYS[slot] == key) {
                return VALUES[slot];
            }
            slot = (slot + 1) & (TABLE_SIZE - 1);
        }
        return NOT_A_CUE;
    }

    private static void put(int key, int value) {
        int slot = key & (TABLE_SIZE - 1);
        while (USED[slot]) {
            if (KEYS[slot] == key) {
                throw new IllegalStateException("duplicate cue key " + key);
            }
            slot = (slot + 1) & (TABLE_SIZE - 1);
        }
        USED[slot] = true;
        KEYS[slot] = key;
        VALUES[slot] = value;
    }
}
