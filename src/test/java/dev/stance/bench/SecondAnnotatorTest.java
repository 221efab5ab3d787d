package dev.stance.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stance.LabelledSentence;
import dev.stance.Stance;
import dev.stance.eval.Evaluation;
import dev.stance.train.LabelledTsv;

class SecondAnnotatorTest {

    @Test
    void scoresTheSecondLabelsAgainstTheSetsOwnAndSkipsRowsWhoseTextChanged(@TempDir Path dir) throws Exception {
        Path set = dir.resolve("real.tsv");
        Files.writeString(set, String.join("\n",
                "label\ttext\tsource\tnote",
                "DENIAL\tThat is not true at all.\tone/wh@abc:a.md\t",
                "# a comment line, skipped by the reader",
                "NONE\tTalks resumed on Monday.\ttwo/un@def:b.txt\t",
                "CONDEMNATION\tWe condemn the strike.\tone/wh@abc:c.md\t",
                "NONE\tThe minister arrived in Geneva.\ttwo/un@def:d.txt\t",
                ""));
        List<LabelledSentence> sentences = LabelledTsv.read(set);
        Files.writeString(dir.resolve("real" + SecondAnnotator.SUFFIX), String.join("\n",
                "line\ttext_sha256\tlabel\tannotator",
                "2\t" + SecondAnnotator.hash("That is not true at all.") + "\tDENIAL\tA",
                "4\t" + SecondAnnotator.hash("Talks resumed on Monday.") + "\tCALL_FOR_NEGOTIATION\tA",
                "5\t" + SecondAnnotator.hash("We condemn the strikes.") + "\tCONDEMNATION\tA", // the text has changed since
                "6\t" + SecondAnnotator.hash("The minister arrived in Geneva.") + "\tNONE\tB",
                ""));

        SecondAnnotator second = SecondAnnotator.of("real", set, sentences, dir).orElseThrow();

        assertArrayEquals(new int[]{0, 1, 3}, second.rows());
        assertEquals(1, second.stale());
        Evaluation e = second.agreement(sentences);
        assertEquals(3, e.n());
        assertEquals(2.0 / 3, e.accuracy(), 1e-9);
        assertEquals(1, e.confusion().count(Stance.NONE, Stance.CALL_FOR_NEGOTIATION));
        // observed 2/3; chance: DENIAL 1/3*1/3 + NONE 2/3*1/3 = 1/3; kappa = (2/3 - 1/3) / (1 - 1/3)
        assertEquals(0.5, second.kappa(sentences), 1e-9);
        Parts agreed = second.agreed("real", sentences);
        assertEquals("real: " + SecondAnnotator.AGREED, agreed.name());
        assertArrayEquals(new int[]{0, 3}, agreed.rows());
    }

    @Test
    void aSetWithoutSecondLabelsHasNone(@TempDir Path dir) throws Exception {
        Path set = dir.resolve("plain.tsv");
        Files.writeString(set, "label\ttext\nNONE\tTalks resumed on Monday.\n");
        assertTrue(SecondAnnotator.of("plain", set, LabelledTsv.read(set), dir).isEmpty());
    }
}
