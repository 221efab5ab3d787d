package dev.stance.bench;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stance.LabelledSentence;
import dev.stance.train.LabelledTsv;

class PartsTest {

    @Test
    void splitsBySourceRepositoryAndLeavesOutDisputedRows(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("real.tsv");
        Files.writeString(file, String.join("\n",
                "label\ttext\tsource\tnote",
                "DENIAL\tThat is not true at all.\tone/wh@abc:a.md\tspeaker=X",
                "# a comment line, skipped by the reader",
                "NONE\tTalks resumed on Monday.\ttwo/un@def:b.txt\tcountry=Y; borderline",
                "",
                "CONDEMNATION\tWe condemn the strike.\tone/wh@abc:c.md\toverlaps ACCUSATION",
                "ACCUSATION\tThey shelled the port again.\ttwo/un@def:d.txt\tcountry=Z",
                ""));
        List<LabelledSentence> sentences = LabelledTsv.read(file);

        List<Parts> parts = Parts.of("real", file, sentences);

        assertEquals(List.of("real: one/wh", "real: two/un", "real: " + Parts.STRICT),
                parts.stream().map(Parts::name).toList());
        assertArrayEquals(new int[]{0, 2}, parts.get(0).rows());
        assertArrayEquals(new int[]{1, 3}, parts.get(1).rows());
        assertArrayEquals(new int[]{0, 3}, parts.get(2).rows());
        assertEquals(List.of("Talks resumed on Monday.", "They shelled the port again."),
                parts.get(1).of(sentences).stream().map(LabelledSentence::text).toList());
        assertEquals(List.of("That is not true at all.", "They shelled the port again."),
                parts.get(2).of(sentences).stream().map(LabelledSentence::text).toList());
    }

    @Test
    void aSetWithoutSourceOrNoteColumnsHasNoParts(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("plain.tsv");
        Files.writeString(file, "label\ttext\nNONE\tTalks resumed on Monday.\nDENIAL\tThat is false.\n");

        assertEquals(List.of(), Parts.of("plain", file, LabelledTsv.read(file)));
    }
}
