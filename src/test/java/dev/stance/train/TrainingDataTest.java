package dev.stance.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stance.LabelledSentence;
import dev.stance.Stance;

class TrainingDataTest {

    @TempDir
    Path dir;

    private static List<LabelledSentence> oneOfEach(String suffix) {
        List<LabelledSentence> out = new ArrayList<>();
        for (Stance s : Stance.values()) {
            out.add(new LabelledSentence(s, s.name().toLowerCase() + " sentence " + suffix, suffix + ".tsv:" + (s.ordinal() + 2)));
        }
        return out;
    }

    @Test
    void rejectsDuplicatesAcrossSplitsNamingBothPlaces() {
        List<LabelledSentence> dev = new ArrayList<>(oneOfEach("dev"));
        dev.add(new LabelledSentence(Stance.NONE, "  NONE   sentence train ", "dev.tsv:9"));
        TrainingData data = new TrainingData(oneOfEach("train"), dev, oneOfEach("test"));
        DataFormatException e = assertThrows(DataFormatException.class, data::validate);
        assertEquals("dev.tsv:9: duplicate sentence, first seen at train.tsv:6", e.getMessage());
    }

    @Test
    void aMeasuredSetMustShareNoSentenceWithTrainOrDev() throws DataFormatException {
        TrainingData data = new TrainingData(oneOfEach("train"), oneOfEach("dev"), oneOfEach("test"));
        List<LabelledSentence> measured = List.of(
                new LabelledSentence(Stance.NONE, "an unseen sentence", "eval.tsv:2"),
                new LabelledSentence(Stance.DENIAL, "Denial  SENTENCE dev", "eval.tsv:3"),
                new LabelledSentence(Stance.NONE, "none sentence train", "eval.tsv:4"));
        DataFormatException e = assertThrows(DataFormatException.class, () -> data.checkUnseen(measured));
        assertEquals(List.of(
                "eval.tsv:3: also in the training data at dev.tsv:2; a measured set must be unseen",
                "eval.tsv:4: also in the training data at train.tsv:6; a measured set must be unseen"), e.problems());
        // The test split is only measured, so sharing it is no leak.
        data.checkUnseen(oneOfEach("test"));
        data.checkUnseen(measured.subList(0, 1));
    }

    @Test
    void rejectsALabelWithoutTrainingExamples() {
        List<LabelledSentence> train = new ArrayList<>(oneOfEach("train"));
        train.removeIf(s -> s.stance() == Stance.CONDEMNATION);
        DataFormatException e = assertThrows(DataFormatException.class,
                () -> new TrainingData(train, oneOfEach("dev"), oneOfEach("test")).validate());
        assertTrue(e.getMessage().contains("no examples of CONDEMNATION"), e.getMessage());
    }

    @Test
    void hashAndCountsDescribeTheData() throws DataFormatException {
        TrainingData a = new TrainingData(oneOfEach("train"), oneOfEach("dev"), oneOfEach("test"));
        a.validate();
        TrainingData same = new TrainingData(oneOfEach("train"), oneOfEach("dev"), oneOfEach("test"));
        assertEquals(a.sha256(), same.sha256());
        List<LabelledSentence> changed = new ArrayList<>(oneOfEach("train"));
        changed.set(0, new LabelledSentence(Stance.NONE, changed.get(0).text()));
        assertNotEquals(a.sha256(), new TrainingData(changed, oneOfEach("dev"), oneOfEach("test")).sha256());
        assertEquals(1, a.counts().get("dev").get("DENIAL"));
    }

    @Test
    void readNamesMissingFilesAndBadLinesOfEverySplit() throws IOException {
        Files.writeString(dir.resolve("train.tsv"), "label\ttext\nDENAIL\tx y z\n");
        Files.writeString(dir.resolve("dev.tsv"), "label\ttext\nNONE\tfine\n");
        DataFormatException e = assertThrows(DataFormatException.class, () -> TrainingData.read(dir));
        assertTrue(e.problems().get(0).startsWith("train.tsv:2: unknown label \"DENAIL\""), e.getMessage());
        assertTrue(e.problems().get(1).endsWith("test.tsv: no such file"), e.getMessage());
        assertThrows(DataFormatException.class, () -> TrainingData.read(dir.resolve("no-such-dir")));
    }
}
