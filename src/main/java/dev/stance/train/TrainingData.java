package dev.stance.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.stance.LabelledSentence;
import dev.stance.Stance;

/**
 * The three splits of a training corpus. {@code train} fits the weights, {@code dev} picks the
 * epoch and fits the calibration, {@code test} is only measured. No sentence may occur twice
 * (compared case-insensitively with white space collapsed), within or across splits. Immutable.
 *
 * @param train sentences to learn from; every label needs at least one
 * @param dev   sentences for model selection and calibration
 * @param test  held-out sentences for the final report
 */
public record TrainingData(List<LabelledSentence> train, List<LabelledSentence> dev, List<LabelledSentence> test) {

    /** File names of the splits inside a data directory. */
    public static final String TRAIN_FILE = "train.tsv";
    public static final String DEV_FILE = "dev.tsv";
    public static final String TEST_FILE = "test.tsv";

    public TrainingData {
        train = List.copyOf(train);
        dev = List.copyOf(dev);
        test = List.copyOf(test);
    }

    /**
     * Reads {@code train.tsv}, {@code dev.tsv} and {@code test.tsv} from {@code dir} and validates them
     * with {@link #validate()}.
     *
     * @throws DataFormatException naming every bad line, a missing file, duplicates or a label without examples
     */
    public static TrainingData read(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new DataFormatException(dir + ": not a directory (expected one holding "
                    + TRAIN_FILE + ", " + DEV_FILE + " and " + TEST_FILE + ")");
        }
        List<String> problems = new ArrayList<>();
        List<List<LabelledSentence>> splits = new ArrayList<>();
        for (String file : List.of(TRAIN_FILE, DEV_FILE, TEST_FILE)) {
            try {
                splits.add(LabelledTsv.read(dir.resolve(file)));
            } catch (DataFormatException e) {
                problems.addAll(e.problems());
                splits.add(List.of());
            }
        }
        if (!problems.isEmpty()) {
            throw new DataFormatException(problems);
        }
        TrainingData data = new TrainingData(splits.get(0), splits.get(1), splits.get(2));
        data.validate();
        return data;
    }

    /**
     * Checks what the trainer needs: no duplicate sentence within or across splits, every label
     * present in {@code train}, and non-empty {@code dev} and {@code test}.
     *
     * @throws DataFormatException listing every problem
     */
    public void validate() throws DataFormatException {
        List<String> problems = new ArrayList<>();
        Map<String, LabelledSentence> seen = new HashMap<>();
        for (List<LabelledSentence> split : List.of(train, dev, test)) {
            for (LabelledSentence s : split) {
                LabelledSentence first = seen.putIfAbsent(normalize(s.text()), s);
                if (first != null) {
                    problems.add(where(s) + "duplicate sentence, first seen at " + first.source());
                }
            }
        }
        Map<Stance, Integer> counts = countByLabel(train);
        for (Stance stance : Stance.values()) {
            if (counts.get(stance) == 0) {
                problems.add(TRAIN_FILE + ": no examples of " + stance + "; every label needs training sentences");
            }
        }
        if (dev.isEmpty()) {
            problems.add(DEV_FILE + ": no sentences; the dev split picks the epoch and fits the calibration");
        }
        if (test.isEmpty()) {
            problems.add(TEST_FILE + ": no sentences; the test split measures the model");
        }
        if (!problems.isEmpty()) {
            throw new DataFormatException(problems);
        }
    }

    /**
     * Checks that a set to be measured is unseen: none of its sentences is in {@code train} (which fits
     * the weights) or {@code dev} (which picks the epoch and fits the calibration), compared as
     * duplicates are. A shared sentence would flatter the measurement; the test split may overlap,
     * since it is only measured too.
     *
     * @param measured labelled sentences to be measured, their sources naming file and line
     * @throws DataFormatException naming every shared sentence and where the corpus has it
     */
    public void checkUnseen(List<LabelledSentence> measured) throws DataFormatException {
        Map<String, LabelledSentence> learnt = new HashMap<>();
        for (List<LabelledSentence> split : List.of(train, dev)) {
            for (LabelledSentence s : split) {
                learnt.putIfAbsent(normalize(s.text()), s);
            }
        }
        List<String> problems = new ArrayList<>();
        for (LabelledSentence s : measured) {
            LabelledSentence seen = learnt.get(normalize(s.text()));
            if (seen != null) {
                problems.add(where(s) + "also in the training data at " + seen.source()
                        + "; a measured set must be unseen");
            }
        }
        if (!problems.isEmpty()) {
            throw new DataFormatException(problems);
        }
    }

    /** Sentences per split and label, for provenance: {@code {"train": {"DENIAL": 120, ...}, ...}}. */
    public Map<String, Map<String, Integer>> counts() {
        Map<String, Map<String, Integer>> out = new LinkedHashMap<>();
        out.put("train", named(countByLabel(train)));
        out.put("dev", named(countByLabel(dev)));
        out.put("test", named(countByLabel(test)));
        return out;
    }

    /** SHA-256 (hex) over every split, label and text in order: identical data, identical hash. */
    public String sha256() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            String[] names = {"train", "dev", "test"};
            List<List<LabelledSentence>> splits = List.of(train, dev, test);
            for (int i = 0; i < names.length; i++) {
                for (LabelledSentence s : splits.get(i)) {
                    digest.update((names[i] + "\t" + s.stance() + "\t" + s.text() + "\n").getBytes(StandardCharsets.UTF_8));
                }
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static Map<Stance, Integer> countByLabel(List<LabelledSentence> sentences) {
        Map<Stance, Integer> counts = new EnumMap<>(Stance.class);
        for (Stance s : Stance.values()) {
            counts.put(s, 0);
        }
        for (LabelledSentence s : sentences) {
            counts.merge(s.stance(), 1, Integer::sum);
        }
        return counts;
    }

    private static Map<String, Integer> named(Map<Stance, Integer> counts) {
        Map<String, Integer> out = new LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(k.name(), v));
        return out;
    }

    private static String normalize(String text) {
        return text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static String where(LabelledSentence s) {
        return s.source().isEmpty() ? "" : s.source() + ": ";
    }
}
