package dev.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * An authored statement in the style of a foreign-ministry press briefing (written for this test,
 * not taken from anywhere, and not in the training data): the bundled model must label its denial,
 * accusation, condemnation and call for negotiation, and leave the neutral sentences NONE.
 */
class BriefingStatementTest {

    static final String STATEMENT = """
            Good afternoon, everyone. Let me begin with the situation along the eastern border. \
            Yesterday evening, two artillery shells landed near the village of Korvan and damaged a school building. \
            Some foreign outlets have claimed that our forces fired first; these reports are completely groundless. \
            Our information indicates that the militia units stationed across the river are preparing another provocation. \
            We strongly condemn the shelling of civilian areas, which is a grave violation of international humanitarian law. \
            At the same time, we call on all parties to exercise restraint and to return to the negotiating table in Geneva. \
            The foreign minister will travel to Vienna on Thursday for the OSCE ministerial meeting. \
            We thank the Swiss government for its continued support. \
            I am happy to take your questions.""";

    static final List<Stance> EXPECTED = List.of(
            Stance.NONE, Stance.NONE, Stance.NONE, Stance.DENIAL, Stance.ACCUSATION, Stance.CONDEMNATION,
            Stance.CALL_FOR_NEGOTIATION, Stance.NONE, Stance.NONE, Stance.NONE);

    @Test
    void labelsEverySentenceOfABriefing() {
        StatementAnalysis analysis = StanceClassifier.loadDefault().analyze(STATEMENT);
        List<String> texts = analysis.sentences().stream().map(SentenceAnalysis::text).toList();
        assertEquals(EXPECTED.size(), texts.size(), texts.toString());
        for (int i = 0; i < EXPECTED.size(); i++) {
            assertEquals(EXPECTED.get(i), analysis.sentences().get(i).prediction().stance(), texts.get(i));
        }
        assertEquals(EnumSet.of(Stance.DENIAL, Stance.ACCUSATION, Stance.CONDEMNATION,
                Stance.CALL_FOR_NEGOTIATION), analysis.stances());
    }
}
