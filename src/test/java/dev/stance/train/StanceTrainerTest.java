package dev.stance.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

import dev.stance.LabelledSentence;
import dev.stance.StanceClassifier;
import dev.stance.TestCorpus;
import dev.stance.features.Features;
import dev.stance.features.LexicalFeaturizer;
import dev.stance.model.Calibration;
import dev.stance.model.ModelMetadata;
import dev.stance.model.NetworkParams;
import dev.stance.model.StanceModel;

class StanceTrainerTest {

    static final TrainingConfig CONFIG = TrainingConfig.lexicalDefaults().withEpochs(4);
    static TrainingData data;
    static TrainingResult first;

    @BeforeAll
    static void train() throws DataFormatException {
        data = TestCorpus.small(40);
        first = new StanceTrainer(CONFIG).train(data);
    }

    @Test
    void sameSeedAndDataGiveTheSameModel() throws DataFormatException {
        TrainingResult again = new StanceTrainer(CONFIG).train(data);
        Map<String, NetworkParams.Matrix> a = first.model().params().matrices();
        Map<String, NetworkParams.Matrix> b = again.model().params().matrices();
        assertEquals(a.keySet(), b.keySet());
        a.forEach((name, m) -> assertArrayEquals(m.data(), b.get(name).data(), name));
        assertEquals(first.model().metadata().calibration(), again.model().metadata().calibration());
        assertEquals(first.test().macroF1(), again.test().macroF1());
    }

    @Test
    void anotherSeedGivesAnotherModel() throws DataFormatException {
        TrainingResult other = new StanceTrainer(CONFIG.withSeed(7)).train(data);
        float[] a = first.model().params().matrices().get("out_W").data();
        float[] b = other.model().params().matrices().get("out_W").data();
        assertFalse(Arrays.equals(a, b));
    }

    @Test
    void recordsProvenance() {
        ModelMetadata m = first.model().metadata();
        ModelMetadata.Provenance p = m.provenance();
        assertEquals(data.sha256(), p.dataSha256());
        assertEquals(data.train().size(), p.counts().get("train").values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(4, p.trainingConfig().get("epochs"));
        assertEquals(42, ((Number) p.trainingConfig().get("seed")).intValue());
        assertTrue(p.bestEpoch() >= 1 && p.bestEpoch() <= 4);
        assertTrue(p.environment().containsKey("deeplearning4j"));
        assertEquals(first.test().macroF1(), ((Number) ((Map<?, ?>) p.metrics().get("test")).get("macroF1")).doubleValue(), 1e-4);
        assertEquals(StanceModel.FORMAT_VERSION, m.formatVersion());
        assertEquals(4, first.history().size());
    }

    @Test
    void learnsSomethingFromRealSentences() {
        // 40 sentences per label is little, but far better than the 0.2 of guessing.
        assertTrue(first.test().macroF1() > 0.4, "test macro-F1 " + first.test().macroF1());
    }

    @Test
    void theLeanRuntimeComputesWhatTheDl4jNetworkComputes() {
        StanceModel model = first.model();
        ComputationGraph graph = Networks.restore(model.networkConfiguration(), model.params());
        LexicalFeaturizer featurizer = new LexicalFeaturizer(model.metadata().architecture().lexical());
        List<String> texts = data.test().stream().map(LabelledSentence::text).toList();
        Features features = new Features(texts.stream().map(featurizer::features).toArray(int[][]::new), null);
        double[][] logits = model.logits(features);
        for (int i = 0; i < texts.size(); i++) {
            int[] ids = features.ids()[i];
            float[][] row = new float[1][ids.length];
            for (int j = 0; j < ids.length; j++) {
                row[0][j] = ids[j];
            }
            INDArray out = graph.outputSingle(Nd4j.create(row));
            double[] expected = Calibration.identity().probabilities(logits[i]);
            for (int k = 0; k < expected.length; k++) {
                assertEquals(expected[k], out.getDouble(0, k), 1e-5, "sentence " + i + " label " + k);
            }
        }
    }

    @Test
    void savedModelsClassifyExactlyLikeTheTrainedOne(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("m.zip");
        first.model().save(file);
        StanceClassifier loaded = StanceClassifier.load(file);
        StanceClassifier original = first.model().classifier();
        List<String> texts = data.test().stream().map(LabelledSentence::text).toList();
        assertEquals(original.classifyAll(texts), loaded.classifyAll(texts));
        assertEquals(first.model().metadataJson(), StanceModel.load(file).metadataJson());
    }

    @Test
    void aTunedEncoderIsDeterministicAndTravelsWithTheModel(@TempDir Path dir) throws IOException {
        TrainingData tiny = TestCorpus.small(12);
        TrainingConfig tuned = TrainingConfig.encoderDefaults().withEpochs(2)
                .withTuning(new TrainingConfig.EncoderTuning(1, 2, 1e-3));
        StanceModel model = new StanceTrainer(tuned).train(tiny).model();
        StanceModel again = new StanceTrainer(tuned).train(tiny).model();
        assertEquals(model.encoderAdaptation().sha256(), again.encoderAdaptation().sha256());
        assertEquals(model.encoderAdaptation().sha256(), model.metadata().architecture().encoderAdaptation());
        assertEquals(11, model.encoderAdaptation().firstLayer());
        assertEquals(Map.of("layers", 1, "epochs", 2, "learningRate", 1e-3),
                model.metadata().provenance().trainingConfig().get("tuning"));

        Path file = dir.resolve("tuned.zip");
        model.save(file);
        List<String> texts = tiny.test().stream().map(LabelledSentence::text).toList();
        assertEquals(model.classifier().classifyAll(texts), StanceClassifier.load(file).classifyAll(texts));
    }
}
