package dev.stance.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stance.LabelledSentence;
import dev.stance.Stance;

class LabelledTsvTest {

    @TempDir
    Path dir;

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void readsLabelsTextsAndSources() throws IOException {
        Path f = write("a.tsv", "label\ttext\tnote\n# a comment\n\nDENIAL\tThat is not true.\tx\nNONE\tTalks resumed.\t\n");
        List<LabelledSentence> rows = LabelledTsv.read(f);
        assertEquals(2, rows.size());
        assertEquals(Stance.DENIAL, rows.get(0).stance());
        assertEquals("That is not true.", rows.get(0).text());
        assertEquals("a.tsv:4", rows.get(0).source());
        assertEquals("a.tsv:5", rows.get(1).source());
    }

    @Test
    void acceptsCrlfAndBom() throws IOException {
        Path f = write("b.tsv", "\uFEFFlabel\ttext\r\nCONDEMNATION\tWe condemn the attack.\r\n");
        List<LabelledSentence> rows = LabelledTsv.read(f);
        assertEquals("We condemn the attack.", rows.get(0).text());
        assertEquals(Stance.CONDEMNATION, rows.get(0).stance());
    }

    @Test
    void reportsEveryBadLineWithFileAndLine() throws IOException {
        Path f = write("c.tsv", "label\ttext\nDENY\tNo.\nNONE\t   \nNONE\ttoo\tmany\nNONE\tfine sentence\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> LabelledTsv.read(f));
        List<String> p = e.problems();
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("c.tsv:2: unknown label \"DENY\" (expected one of DENIAL,"), p.get(0));
        assertEquals("c.tsv:3: missing text", p.get(1));
        assertEquals("c.tsv:4: expected 2 tab-separated columns as in the header, found 3", p.get(2));
    }

    @Test
    void reportsInvalidUtf8WithItsLine() throws IOException {
        Path f = dir.resolve("d.tsv");
        Files.write(f, new byte[]{'l', 'a', 'b', 'e', 'l', '\t', 't', 'e', 'x', 't', '\n',
                'N', 'O', 'N', 'E', '\t', (byte) 0xC3, (byte) 0x28, '\n'});
        DataFormatException e = assertThrows(DataFormatException.class, () -> LabelledTsv.read(f));
        assertEquals("d.tsv:2: not valid UTF-8 (save the file as UTF-8)", e.problems().get(0));
    }

    @Test
    void rejectsMissingHeaderEmptyFileAndMissingFile() throws IOException {
        DataFormatException noHeader = assertThrows(DataFormatException.class,
                () -> LabelledTsv.read(write("e.tsv", "NONE\tsomething\n")));
        assertTrue(noHeader.getMessage().startsWith("e.tsv:1: expected the header"), noHeader.getMessage());
        DataFormatException empty = assertThrows(DataFormatException.class, () -> LabelledTsv.read(write("f.tsv", "")));
        assertTrue(empty.getMessage().startsWith("f.tsv: empty file"), empty.getMessage());
        DataFormatException headerOnly = assertThrows(DataFormatException.class,
                () -> LabelledTsv.read(write("g.tsv", "label\ttext\n")));
        assertTrue(headerOnly.getMessage().contains("no labelled sentences"), headerOnly.getMessage());
        DataFormatException missing = assertThrows(DataFormatException.class, () -> LabelledTsv.read(dir.resolve("nope.tsv")));
        assertTrue(missing.getMessage().endsWith("nope.tsv: no such file"), missing.getMessage());
    }
}
