package dev.stance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import dev.stance.train.LabelledTsv;
import dev.stance.train.TrainingData;

/** Small slices of our own corpus for tests that need real sentences. */
public final class TestCorpus {

    public static final Path DATA_DIR = Path.of("training-data");

    private TestCorpus() {
    }

    /** The first {@code perLabel} sentences of each label of one split file. */
    public static List<LabelledSentence> slice(String file, int perLabel) {
        try {
            List<LabelledSentence> all = LabelledTsv.read(DATA_DIR.resolve(file));
            Map<Stance, Integer> taken = new EnumMap<>(Stance.class);
            List<LabelledSentence> out = new ArrayList<>();
            for (LabelledSentence s : all) {
                if (taken.merge(s.stance(), 1, Integer::sum) <= perLabel) {
                    out.add(s);
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code data} as train.tsv, dev.tsv and test.tsv into {@code dir} (created if needed). */
    public static Path writeSplits(Path dir, TrainingData data) {
        try {
            Files.createDirectories(dir);
            write(dir.resolve(TrainingData.TRAIN_FILE), data.train());
            write(dir.resolve(TrainingData.DEV_FILE), data.dev());
            write(dir.resolve(TrainingData.TEST_FILE), data.test());
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Path file, List<LabelledSentence> sentences) throws IOException {
        StringBuilder sb = new StringBuilder("label\ttext\n");
        for (LabelledSentence s : sentences) {
            sb.append(s.stance()).append('\t').append(s.text()).append('\n');
        }
        Files.writeString(file, sb.toString());
    }

    /** A small but real training set: {@code perLabel} train sentences per label, fewer for dev and test. */
    public static TrainingData small(int perLabel) {
        return new TrainingData(slice(TrainingData.TRAIN_FILE, perLabel), slice(TrainingData.DEV_FILE, perLabel / 3 + 1),
                slice(TrainingData.TEST_FILE, perLabel / 3 + 1));
    }
}
