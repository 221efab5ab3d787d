package dev.stance.train;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

import com.fasterxml.jackson.databind.ObjectMapper;

import dev.stance.LabelledSentence;
import dev.stance.Stance;
import dev.stance.eval.Evaluation;
import dev.stance.eval.ReportRenderer;
import dev.stance.eval.StanceEvaluator;
import dev.stance.features.EncoderAdaptation;
import dev.stance.features.EncoderLayers;
import dev.stance.features.EncoderSpec;
import dev.stance.features.Encoders;
import dev.stance.features.Features;
import dev.stance.features.Featurizer;
import dev.stance.features.LexicalConfig;
import dev.stance.features.LexicalFeaturizer;
import dev.stance.model.Architecture;
import dev.stance.model.BuildInfo;
import dev.stance.model.Calibration;
import dev.stance.model.ModelMetadata;
import dev.stance.model.NetworkParams;
import dev.stance.model.StanceModel;

/**
 * Trains a stance model with Deeplearning4j. The run: when the config asks for
 * {@link TrainingConfig#tuning() encoder tuning}, train the encoder's top layers on the training
 * split first (the dev split picks their epoch) and use the adapted encoder from then on;
 * featurize all splits once; train for
 * up to {@code epochs} passes over shuffled mini-batches with Adam; after each epoch score the dev
 * split and keep the weights of the best epoch (by macro-F1), stopping after {@code patience}
 * epochs without improvement; fit the calibration on dev; evaluate on
 * test; record provenance. Deterministic for a given config (seed included) and data.
 *
 * <p>Not thread-safe: one training run per instance at a time. Training uses ND4J's native
 * backend; the models it returns run without it.
 */
public final class StanceTrainer {

    private final TrainingConfig config;
    private final TrainingListener listener;

    public StanceTrainer(TrainingConfig config) {
        this(config, TrainingListener.SILENT);
    }

    public StanceTrainer(TrainingConfig config, TrainingListener listener) {
        this.config = Objects.requireNonNull(config, "config");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /**
     * Trains on {@code data.train()}, selects and calibrates on {@code data.dev()}, reports on
     * {@code data.test()}.
     *
     * @throws DataFormatException if the data fails {@link TrainingData#validate()}
     */
    public TrainingResult train(TrainingData data) throws DataFormatException {
        data.validate();
        long started = System.nanoTime();
        EncoderAdaptation adaptation = config.tuning() == null ? null : tuneEncoder(data);
        Architecture architecture = architecture(adaptation);
        Featurizer featurizer = featurizer(architecture, adaptation);

        listener.onPhase("computing features of " + (data.train().size() + data.dev().size() + data.test().size())
                + " sentences");
        Features train = featurizer.featurize(texts(data.train()));
        Features dev = featurizer.featurize(texts(data.dev()));
        Features test = featurizer.featurize(texts(data.test()));
        int[] trainGold = gold(data.train());

        ComputationGraph graph = Networks.build(architecture, config);
        String networkJson = graph.getConfiguration().toJson();
        Random random = new Random(config.seed());
        int[] order = new int[data.train().size()];
        Arrays.setAll(order, i -> i);

        List<TrainingListener.EpochReport> history = new ArrayList<>();
        NetworkParams best = null;
        double bestF1 = Double.NEGATIVE_INFINITY;
        int bestEpoch = 0;
        long epochsStarted = System.nanoTime();
        for (int epoch = 1; epoch <= config.epochs(); epoch++) {
            shuffle(order, random);
            double lossSum = 0;
            int batches = 0;
            for (int start = 0; start < order.length; start += config.batchSize()) {
                int[] rows = Arrays.copyOfRange(order, start, Math.min(order.length, start + config.batchSize()));
                graph.fit(batch(train, trainGold, rows));
                lossSum += graph.score();
                batches++;
            }
            NetworkParams params = Networks.export(graph);
            StanceModel candidate = assemble(architecture, networkJson, params, adaptation);
            double devF1 = CalibrationFitter.macroF1(candidate.logits(dev), data.dev(), Calibration.identity());
            boolean improved = devF1 > bestF1;
            if (improved) {
                bestF1 = devF1;
                best = params;
                bestEpoch = epoch;
            }
            double elapsed = (System.nanoTime() - epochsStarted) / 1e9;
            TrainingListener.EpochReport report = new TrainingListener.EpochReport(epoch, config.epochs(),
                    lossSum / Math.max(1, batches), devF1, improved, elapsed,
                    elapsed / epoch * (config.epochs() - epoch));
            history.add(report);
            listener.onEpoch(report);
            if (config.patience() > 0 && epoch - bestEpoch >= config.patience()) {
                listener.onPhase("no better dev macro-F1 for " + config.patience() + " epochs: stopping early");
                break;
            }
        }

        StanceModel model = assemble(architecture, networkJson, best, adaptation);
        // Recorded so that what calibration changes can be seen (ECE and macro-F1 before and after).
        Evaluation uncalibrated = StanceEvaluator.evaluate(data.test(), model.predict(test));
        if (config.calibrate()) {
            listener.onPhase("calibrating on the dev split");
            model = model.withCalibration(CalibrationFitter.fit(model.logits(dev), data.dev()));
        }
        Evaluation devEvaluation = StanceEvaluator.evaluate(data.dev(), model.predict(dev));
        Evaluation testEvaluation = StanceEvaluator.evaluate(data.test(), model.predict(test));
        double seconds = (System.nanoTime() - started) / 1e9;
        Map<String, Object> metrics = new LinkedHashMap<>();
        metrics.put("dev", ReportRenderer.summary(devEvaluation));
        metrics.put("test", ReportRenderer.summary(testEvaluation));
        metrics.put("test-uncalibrated", ReportRenderer.summary(uncalibrated));
        ModelMetadata.Provenance provenance = new ModelMetadata.Provenance(
                data.sha256(), data.counts(), configAsMap(), config.seed(), bestEpoch, Math.round(seconds * 10) / 10.0,
                metrics, BuildInfo.environment());
        model = model.withProvenance(provenance);
        return new TrainingResult(model, devEvaluation, testEvaluation, history);
    }

    /**
     * Trains the encoder's top layers on the training split (the dev split picks the epoch) and
     * returns them quantised as the encoder runs them.
     */
    private EncoderAdaptation tuneEncoder(TrainingData data) {
        TrainingConfig.EncoderTuning tuning = config.tuning();
        EncoderLayers layers = Encoders.layers(Encoders.spec(config.encoder()));
        int first = layers.count() - tuning.layers();
        if (first < 1) {
            throw new IllegalArgumentException("encoder " + config.encoder() + " has " + layers.count()
                    + " layers; at most " + (layers.count() - 1) + " can be tuned, not " + tuning.layers());
        }
        listener.onPhase("computing the states entering encoder layer " + first + " for "
                + (data.train().size() + data.dev().size()) + " sentences");
        float[][][] train = layers.statesBefore(first, texts(data.train()));
        float[][][] dev = layers.statesBefore(first, texts(data.dev()));
        EncoderTuner.Result result = new EncoderTuner(layers, first, tuning.epochs(), tuning.learningRate(), config.seed())
                .fit(train, gold(data.train()), dev, data.dev(), listener);
        return layers.adaptation(first, result.layers());
    }

    private Architecture architecture(EncoderAdaptation adaptation) {
        EncoderSpec encoder = config.encoder() == null ? null : Encoders.spec(config.encoder());
        LexicalConfig lexical = config.lexical();
        return new Architecture(lexical == null ? null : LexicalConfig.ID, lexical,
                lexical == null ? 0 : config.embeddingDim(), encoder, config.hidden(),
                adaptation == null ? null : adaptation.sha256());
    }

    private static Featurizer featurizer(Architecture a, EncoderAdaptation adaptation) {
        return new Featurizer(a.lexical() == null ? null : new LexicalFeaturizer(a.lexical()),
                a.encoder() == null ? null : Encoders.get(a.encoder(), adaptation));
    }

    /** An uncalibrated model without provenance: what each epoch is scored with. */
    private StanceModel assemble(Architecture architecture, String networkJson, NetworkParams params,
                                 EncoderAdaptation adaptation) {
        ModelMetadata metadata = new ModelMetadata(StanceModel.FORMAT_VERSION, config.name(), BuildInfo.version(),
                Instant.now().toString(), Arrays.stream(Stance.values()).map(Enum::name).toList(), architecture,
                Calibration.identity(),
                new ModelMetadata.Provenance("", Map.of(), Map.of(), config.seed(), 0, 0, Map.of(), Map.of()));
        return new StanceModel(metadata, networkJson, params, adaptation);
    }

    /** One mini-batch: padded id rows with their mask, encoder vectors, one-hot labels. */
    private static MultiDataSet batch(Features f, int[] gold, int[] rows) {
        List<INDArray> inputs = new ArrayList<>();
        List<INDArray> masks = new ArrayList<>();
        if (f.ids() != null) {
            int length = 1;
            for (int r : rows) {
                length = Math.max(length, f.ids()[r].length);
            }
            float[][] ids = new float[rows.length][length];
            float[][] mask = new float[rows.length][length];
            for (int i = 0; i < rows.length; i++) {
                int[] row = f.ids()[rows[i]];
                for (int j = 0; j < row.length; j++) {
                    ids[i][j] = row[j];
                    mask[i][j] = 1f;
                }
            }
            inputs.add(Nd4j.create(ids));
            masks.add(Nd4j.create(mask));
        }
        if (f.encoded() != null) {
            float[][] enc = new float[rows.length][];
            for (int i = 0; i < rows.length; i++) {
                enc[i] = f.encoded()[rows[i]];
            }
            inputs.add(Nd4j.create(enc));
            masks.add(null);
        }
        float[][] labels = new float[rows.length][Stance.values().length];
        for (int i = 0; i < rows.length; i++) {
            labels[i][gold[rows[i]]] = 1f;
        }
        boolean anyMask = masks.stream().anyMatch(Objects::nonNull);
        return new MultiDataSet(inputs.toArray(INDArray[]::new), new INDArray[]{Nd4j.create(labels).castTo(DataType.FLOAT)},
                anyMask ? masks.toArray(INDArray[]::new) : null, null);
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }

    private static List<String> texts(List<LabelledSentence> sentences) {
        return sentences.stream().map(LabelledSentence::text).toList();
    }

    private static int[] gold(List<LabelledSentence> sentences) {
        return sentences.stream().mapToInt(s -> s.stance().ordinal()).toArray();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> configAsMap() {
        return new ObjectMapper().convertValue(config, Map.class);
    }
}
