package dev.stance.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.stance.LabelledSentence;
import dev.stance.Stance;

/**
 * Checks the shipped corpus in {@code training-data/} against the floors and variety rules of
 * GUIDELINES.md. Fails the build when someone adds data that breaks them.
 */
class TrainingCorpusTest {

    static final Path DIR = Path.of("training-data");
    static final List<String> SPLITS = List.of("train.tsv", "dev.tsv", "test.tsv");
    static final List<String> NONE_KINDS = List.of("support", "concern", "warning", "demand", "principle", "courtesy",
            "fact", "announcement", "background", "procedural", "commitment", "assessment", "non-answer", "plan",
            "embedded");
    private static final Pattern PUNCTUATION = Pattern.compile("[^\\p{L}\\p{N}\\s]");

    static Map<String, List<LabelledSentence>> splits = new HashMap<>();
    static List<String[]> rows = new ArrayList<>();

    @BeforeAll
    static void read() throws IOException {
        for (String split : SPLITS) {
            splits.put(split, LabelledTsv.read(DIR.resolve(split))); // unknown labels, missing text, columns
            List<String> lines = Files.readAllLines(DIR.resolve(split), StandardCharsets.UTF_8);
            int columns = lines.get(0).split("\t", -1).length;
            for (int i = 1; i < lines.size(); i++) {
                String[] cells = lines.get(i).split("\t", -1);
                assertEquals(columns, cells.length, split + ":" + (i + 1) + ": a tab inside a text shifts the columns");
                rows.add(cells);
            }
        }
    }

    static String nearDuplicateKey(String text) {
        return String.join(" ", PUNCTUATION.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").trim().split("\\s+"));
    }

    @Test
    void noDuplicatesOrNearDuplicatesWithinOrAcrossSplits() {
        Map<String, String> seen = new HashMap<>();
        List<String> duplicates = new ArrayList<>();
        for (String split : SPLITS) {
            for (LabelledSentence s : splits.get(split)) {
                String first = seen.putIfAbsent(nearDuplicateKey(s.text()), s.source());
                if (first != null) {
                    duplicates.add(s.source() + " repeats " + first);
                }
            }
        }
        assertEquals(List.of(), duplicates);
    }

    @Test
    void labelCountsMeetTheFloors() {
        Map<Stance, Integer> counts = new EnumMap<>(Stance.class);
        splits.values().forEach(list -> list.forEach(s -> counts.merge(s.stance(), 1, Integer::sum)));
        int total = counts.values().stream().mapToInt(Integer::intValue).sum();
        assertTrue(total >= 6000, "total " + total);
        for (Stance s : Stance.values()) {
            int floor = s == Stance.NONE ? 2400 : 900;
            assertTrue(counts.getOrDefault(s, 0) >= floor, s + ": " + counts.get(s) + " < " + floor);
        }
    }

    @Test
    void splitsAreRoughly70_15_15AndStratified() {
        int train = splits.get("train.tsv").size();
        int dev = splits.get("dev.tsv").size();
        int test = splits.get("test.tsv").size();
        double total = train + dev + test;
        assertEquals(0.70, train / total, 0.03);
        assertEquals(0.15, dev / total, 0.02);
        assertEquals(0.15, test / total, 0.02);
        for (Stance s : Stance.values()) {
            double inTrain = share(splits.get("train.tsv"), s);
            assertEquals(inTrain, share(splits.get("dev.tsv"), s), 0.03, s.name());
            assertEquals(inTrain, share(splits.get("test.tsv"), s), 0.03, s.name());
        }
    }

    private static double share(List<LabelledSentence> list, Stance s) {
        return list.stream().filter(x -> x.stance() == s).count() / (double) list.size();
    }

    @Test
    void noThreeWordOpeningIsSharedByMoreThanOnePercent() {
        Map<String, Integer> openings = new HashMap<>();
        int total = 0;
        for (List<LabelledSentence> list : splits.values()) {
            for (LabelledSentence s : list) {
                String[] words = nearDuplicateKey(s.text()).split(" ");
                openings.merge(String.join(" ", List.of(words).subList(0, Math.min(3, words.length))), 1, Integer::sum);
                total++;
            }
        }
        int limit = total / 100;
        List<String> over = openings.entrySet().stream().filter(e -> e.getValue() > limit)
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
        assertEquals(List.of(), over, "limit " + limit);
    }

    @Test
    void sentencesAreFiveToSixtyWords() {
        for (List<LabelledSentence> list : splits.values()) {
            for (LabelledSentence s : list) {
                int words = s.text().trim().split("\\s+").length;
                assertTrue(words >= 5 && words <= 60, s.source() + ": " + words + " words");
            }
        }
    }

    @Test
    void everyNoneKindHasAtLeastAHundredSentences() {
        Map<String, Integer> kinds = new HashMap<>();
        for (String[] row : rows) {
            if (row[0].equals("NONE")) {
                kinds.merge(row[2], 1, Integer::sum);
            }
        }
        for (String kind : NONE_KINDS) {
            assertTrue(kinds.getOrDefault(kind, 0) >= 100, kind + ": " + kinds.get(kind));
        }
        assertEquals(new HashSet<>(NONE_KINDS), kinds.keySet(), "unknown NONE kinds");
    }

    @Test
    void speakersAndTopicsAreVaried() {
        Set<String> speakers = new HashSet<>();
        Set<String> topics = new HashSet<>();
        for (String[] row : rows) {
            speakers.add(row[3]);
            topics.add(row[4]);
        }
        assertTrue(speakers.size() >= 60, "speakers " + speakers.size());
        assertTrue(topics.size() >= 25, "topics " + topics.size());
    }

    @Test
    void noEvaluationSentenceLeaksIntoTheCorpus() throws IOException {
        Path eval = Path.of("..", "shared", "eval");
        Set<String> ours = new HashSet<>();
        splits.values().forEach(list -> list.forEach(s -> ours.add(nearDuplicateKey(s.text()))));
        List<String> leaks = new ArrayList<>();
        if (Files.isDirectory(eval)) {
            try (var files = Files.list(eval)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).toList()) {
                    List<String> lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    for (int i = 1; i < lines.size(); i++) {
                        String[] cells = lines.get(i).split("\t", -1);
                        if (cells.length > 1 && ours.contains(nearDuplicateKey(cells[1]))) {
                            leaks.add(f.getFileName() + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), leaks);
    }
}
