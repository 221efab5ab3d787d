package dev.stance;

import java.util.Arrays;

/**
 * The stance a sentence takes. The order of the constants is the order of score vectors
 * everywhere in the library (model files record it and refuse a different one).
 *
 * <p>See {@code training-data/GUIDELINES.md} for the full definitions and hard cases.
 */
public enum Stance {
    /** Rejects a claim, allegation or report ("groundless", "we have not ..."). */
    DENIAL,
    /** Attributes wrongdoing or hostile intent to another party. */
    ACCUSATION,
    /** Condemns, denounces, deplores, resolutely opposes or calls an act unacceptable. */
    CONDEMNATION,
    /** Calls for talks, dialogue, mediation, a political settlement, a ceasefire or restraint. */
    CALL_FOR_NEGOTIATION,
    /** Everything else: facts, support, concern, warnings, demands unrelated to talks, positions. */
    NONE;

    private static final Stance[] VALUES = values();

    /** The stance at {@code index} in {@link #values()} order. */
    public static Stance ofIndex(int index) {
        return VALUES[index];
    }

    /**
     * Parses a label exactly as written in data files and model files.
     *
     * @throws IllegalArgumentException naming the valid labels when {@code label} is not one of them
     */
    public static Stance parse(String label) {
        for (Stance s : VALUES) {
            if (s.name().equals(label)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown label \"" + label + "\" (expected one of "
                + String.join(", ", Arrays.stream(VALUES).map(Enum::name).toList()) + ")");
    }
}
