package dev.stance.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stance.LabelledSentence;
import dev.stance.Stance;
import dev.stance.train.LabelledTsv;

class LearningCurveTest {

    @Test
    void sharesAreNestedStratifiedAndLeaveDevAndTestAlone(@TempDir Path dir) throws Exception {
        Path data = Files.createDirectories(dir.resolve("data"));
        List<String> lines = new ArrayList<>(List.of("label\ttext", "# written for this test"));
        for (int i = 0; i < 64; i++) {
            lines.add("DENIAL\tDenial number " + i + " says the report is false.");
            if (i % 2 == 1) {
                lines.add("NONE\tNeutral line number " + i / 2 + " about the weather.");
            }
        }
        Files.write(data.resolve("train.tsv"), lines, StandardCharsets.UTF_8);
        Files.writeString(data.resolve("dev.tsv"), "label\ttext\nNONE\tA dev line.\n");
        Files.writeString(data.resolve("test.tsv"), "label\ttext\nDENIAL\tA test line that denies.\n");

        List<Path> dirs = LearningCurve.subsample(data, dir.resolve("curve"), 42);

        assertEquals(LearningCurve.SHARES.size(), dirs.size());
        List<Map<Stance, Long>> counts = new ArrayList<>();
        List<List<String>> texts = new ArrayList<>();
        for (Path d : dirs) {
            List<LabelledSentence> train = LabelledTsv.read(d.resolve("train.tsv"));
            counts.add(train.stream().collect(Collectors.groupingBy(LabelledSentence::stance, Collectors.counting())));
            texts.add(train.stream().map(LabelledSentence::text).toList());
            assertEquals(Files.readString(data.resolve("dev.tsv")), Files.readString(d.resolve("dev.tsv")));
            assertEquals(Files.readString(data.resolve("test.tsv")), Files.readString(d.resolve("test.tsv")));
        }
        // 1/16, 1/8, 1/4, 1/2 and all of each label: the label mix of the whole split.
        assertEquals(List.of(4L, 8L, 16L, 32L, 64L), counts.stream().map(c -> c.get(Stance.DENIAL)).toList());
        assertEquals(List.of(2L, 4L, 8L, 16L, 32L), counts.stream().map(c -> c.get(Stance.NONE)).toList());
        for (int i = 1; i < texts.size(); i++) {
            assertTrue(new HashSet<>(texts.get(i)).containsAll(texts.get(i - 1)), "share " + i + " contains the one before");
        }
        // The whole share is the file itself, and every share keeps the file's order.
        assertEquals(Files.readAllLines(data.resolve("train.tsv")), Files.readAllLines(dirs.get(dirs.size() - 1).resolve("train.tsv")));
        List<String> all = texts.get(texts.size() - 1);
        for (List<String> share : texts) {
            assertEquals(share.stream().sorted(Comparator.comparingInt(all::indexOf)).toList(), share);
        }
        // A draw, not the first rows of the file; and the same draw for the same seed.
        assertTrue(texts.get(0).stream().anyMatch(t -> !t.matches(".* number [0-3] .*")));
        List<Path> again = LearningCurve.subsample(data, dir.resolve("again"), 42);
        assertEquals(Files.readAllLines(dirs.get(1).resolve("train.tsv")), Files.readAllLines(again.get(1).resolve("train.tsv")));
    }
}
