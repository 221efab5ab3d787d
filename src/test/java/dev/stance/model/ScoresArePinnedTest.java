package dev.stance.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import dev.stance.Prediction;
import dev.stance.Stance;
import dev.stance.StanceClassifier;
import dev.stance.TestCorpus;
import dev.stance.Variant;
import dev.stance.features.LexicalConfig;
import dev.stance.features.LexicalFeaturizer;

/**
 * The optimised runtime gives bit for bit the scores of the straightforward computation it
 * replaced (kept below as {@link #reference}): same float operations in the same order. Checked on
 * the bundled lexical models and on a synthetic model with a hidden layer and a calibration.
 */
class ScoresArePinnedTest {

    private static final List<String> ODD = List.of("", " ", "?", "x", "We do not condemn it?",
            "Ünïcödé ＡＢＣ ١٢٣ 中文 😀", "word ".repeat(700), "...!!!,,,", "\t\n");

    @Test
    void bundledLexicalModelsScoreExactlyAsBefore() {
        for (Variant v : Variant.values()) {
            StanceModel model = StanceModel.loadDefault(v);
            if (model.metadata().architecture().encoder() == null) {
                assertIdentical(model, sentences());
            }
        }
    }

    @Test
    void aModelWithAHiddenLayerAndCalibrationScoresExactlyAsBefore() {
        assertIdentical(hiddenLayerModel(), sentences());
    }

    private static List<String> sentences() {
        List<String> out = new ArrayList<>(ODD);
        TestCorpus.slice("test.tsv", 1000).forEach(s -> out.add(s.text()));
        return out;
    }

    private static void assertIdentical(StanceModel model, List<String> sentences) {
        StanceClassifier classifier = model.classifier();
        List<Prediction> batched = classifier.classifyAll(sentences);
        LexicalFeaturizer featurizer = new LexicalFeaturizer(model.metadata().architecture().lexical());
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            double[] expected = reference(model, featurizer.features(s), s);
            Prediction one = classifier.classify(s);
            for (Stance label : Stance.values()) {
                String what = model.metadata().name() + " " + label + " of \"" + s + "\"";
                assertEquals(Double.doubleToRawLongBits(expected[label.ordinal()]),
                        Double.doubleToRawLongBits(one.score(label)), what);
                assertEquals(Double.doubleToRawLongBits(expected[label.ordinal()]),
                        Double.doubleToRawLongBits(batched.get(i).score(label)), what + " (batched)");
            }
        }
    }

    /** The scores as computed before the fast-path rewrite. */
    private static double[] reference(StanceModel model, int[] ids, String sentence) {
        double[] p = new double[Stance.values().length];
        if (sentence.isBlank() || ids.length == 0) {
            p[Stance.NONE.ordinal()] = 1.0;
            return p;
        }
        Architecture a = model.metadata().architecture();
        Map<String, NetworkParams.Matrix> params = model.params().matrices();
        NetworkParams.Matrix embedding = params.get("emb_W");
        float[] x = new float[a.inputWidth()];
        int dim = embedding.cols();
        for (int id : ids) {
            for (int j = 0; j < dim; j++) {
                x[j] += embedding.data()[id * dim + j];
            }
        }
        float inv = 1f / ids.length;
        for (int j = 0; j < dim; j++) {
            x[j] *= inv;
        }
        int layers = a.hidden().size() + 1;
        for (int layer = 0; layer < layers; layer++) {
            String name = layer == layers - 1 ? "out" : "h" + layer;
            NetworkParams.Matrix w = params.get(name + "_W");
            float[] out = params.get(name + "_b").data().clone();
            for (int i = 0; i < x.length; i++) {
                if (x[i] == 0f) {
                    continue;
                }
                for (int j = 0; j < w.cols(); j++) {
                    out[j] += x[i] * w.data()[i * w.cols() + j];
                }
            }
            if (layer < layers - 1) {
                for (int j = 0; j < out.length; j++) {
                    out[j] = Math.max(0f, out[j]);
                }
            }
            x = out;
        }
        Calibration c = model.metadata().calibration();
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < p.length; i++) {
            p[i] = ((double) x[i]) / c.temperature() + c.shift().get(i);
            max = Math.max(max, p[i]);
        }
        double sum = 0;
        for (int i = 0; i < p.length; i++) {
            p[i] = Math.exp(p[i] - max);
            sum += p[i];
        }
        for (int i = 0; i < p.length; i++) {
            p[i] /= sum;
        }
        return p;
    }

    /** 1500 buckets (not a power of two), 12-wide embedding (8 + 4 columns), a hidden layer of 7, some zero weights. */
    private static StanceModel hiddenLayerModel() {
        LexicalConfig lexical = new LexicalConfig(1500, 4, true);
        Architecture a = new Architecture(LexicalConfig.ID, lexical, 12, null, List.of(7));
        Random r = new Random(7);
        NetworkParams params = new NetworkParams(Map.of(
                "emb_W", new NetworkParams.Matrix(1500, 12, gaussian(r, 1500 * 12)),
                "h0_W", new NetworkParams.Matrix(12, 7, gaussian(r, 12 * 7)),
                "h0_b", new NetworkParams.Matrix(1, 7, gaussian(r, 7)),
                "out_W", new NetworkParams.Matrix(7, 5, gaussian(r, 7 * 5)),
                "out_b", new NetworkParams.Matrix(1, 5, gaussian(r, 5))));
        ModelMetadata m = new ModelMetadata(StanceModel.FORMAT_VERSION, "hidden", "test", "2026-01-01T00:00:00Z",
                Arrays.stream(Stance.values()).map(Enum::name).toList(), a,
                new Calibration(1.37, List.of(0.1, -0.2, 0.0, 0.3, -0.55)),
                new ModelMetadata.Provenance("abc", Map.of(), Map.of("epochs", 1), 42, 1, 0.1, Map.of(), Map.of()));
        return new StanceModel(m, "{}", params);
    }

    private static float[] gaussian(Random r, int n) {
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            out[i] = i % 5 == 0 ? 0f : (float) r.nextGaussian();
        }
        return out;
    }

}
