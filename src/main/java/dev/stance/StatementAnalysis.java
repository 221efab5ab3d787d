package dev.stance;

import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A whole statement, sentence by sentence, with a summary of the stances it takes. Immutable.
 *
 * @param sentences the sentences in text order (empty for a blank statement)
 * @param counts    how many sentences carry each label; every label is present, possibly with 0
 */
public record StatementAnalysis(List<SentenceAnalysis> sentences, Map<Stance, Integer> counts) {

    public StatementAnalysis {
        sentences = List.copyOf(sentences);
        counts = Collections.unmodifiableMap(new EnumMap<>(counts));
    }

    /** Analysis of the given sentences, with the counts computed from them. */
    public static StatementAnalysis of(List<SentenceAnalysis> sentences) {
        EnumMap<Stance, Integer> counts = new EnumMap<>(Stance.class);
        for (Stance s : Stance.values()) {
            counts.put(s, 0);
        }
        for (SentenceAnalysis sentence : sentences) {
            counts.merge(sentence.prediction().stance(), 1, Integer::sum);
        }
        return new StatementAnalysis(sentences, counts);
    }

    /** The stances the statement takes: every label other than {@link Stance#NONE} with at least one sentence. */
    public Set<Stance> stances() {
        EnumSet<Stance> taken = EnumSet.noneOf(Stance.class);
        counts.forEach((stance, n) -> {
            if (stance != Stance.NONE && n > 0) {
                taken.add(stance);
            }
        });
        return Collections.unmodifiableSet(taken);
    }
}
