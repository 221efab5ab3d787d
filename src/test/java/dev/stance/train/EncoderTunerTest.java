package dev.stance.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.stance.LabelledSentence;
import dev.stance.Stance;
import dev.stance.features.EncoderAdaptation;
import dev.stance.features.EncoderLayers;
import dev.stance.features.Encoders;
import dev.stance.features.LayerWeights;
import dev.stance.features.SentenceEncoder;

/**
 * The layers the tuner trains are the layers the classifier runs: the float graph reproduces the
 * int8 encoder, and weights written back as an adaptation give the vectors the graph computed.
 */
class EncoderTunerTest {

    private static final List<LabelledSentence> SENTENCES = List.of(
            new LabelledSentence(Stance.DENIAL, "The ministry rejects these baseless reports as pure fabrication.", "test"),
            new LabelledSentence(Stance.DENIAL, "We have never supplied weapons to either side.", "test"),
            new LabelledSentence(Stance.ACCUSATION, "Their forces shelled the border villages again last night.", "test"),
            new LabelledSentence(Stance.ACCUSATION, "The regime is preparing a provocation near the dam.", "test"),
            new LabelledSentence(Stance.CONDEMNATION, "We strongly condemn the bombing of the hospital.", "test"),
            new LabelledSentence(Stance.CONDEMNATION, "The attack on the convoy is unacceptable.", "test"),
            new LabelledSentence(Stance.CALL_FOR_NEGOTIATION, "Both parties should return to the negotiating table without delay.", "test"),
            new LabelledSentence(Stance.CALL_FOR_NEGOTIATION, "We urge an immediate ceasefire and talks under UN auspices.", "test"),
            new LabelledSentence(Stance.NONE, "The minister arrived in Nairobi on Tuesday.", "test"),
            new LabelledSentence(Stance.NONE, "Trade between the two countries grew by four percent.", "test"));

    private static EncoderLayers layers;
    private static List<String> texts;

    @BeforeAll
    static void open() {
        layers = Encoders.layers(Encoders.spec(Encoders.BGE_SMALL));
        texts = SENTENCES.stream().map(LabelledSentence::text).toList();
    }

    @Test
    void floatLayersReproduceTheQuantisedEncoder() {
        int first = layers.count() - 2;
        float[][] graph = new EncoderTuner(layers, first, 1, 1e-4, 1).vectors(layers.statesBefore(first, texts), null);
        float[][] onnx = Encoders.get(layers.spec()).encode(texts);
        for (int i = 0; i < texts.size(); i++) {
            // Not identical: the encoder quantises activations to 8 bits, the graph runs in float.
            assertTrue(cosine(graph[i], onnx[i]) > 0.999, "sentence " + i + ": cosine " + cosine(graph[i], onnx[i]));
        }
    }

    @Test
    void unchangedWeightsWrittenBackLeaveTheEncoderAsItWas() {
        int first = layers.count() - 1;
        EncoderAdaptation same = layers.adaptation(first, List.of(layers.weights(first)));
        float[][] base = Encoders.get(layers.spec()).encode(texts);
        float[][] adapted = Encoders.get(layers.spec(), same).encode(texts);
        for (int i = 0; i < texts.size(); i++) {
            assertTrue(cosine(base[i], adapted[i]) > 0.9995, "sentence " + i + ": cosine " + cosine(base[i], adapted[i]));
        }
    }

    @Test
    void trainedLayersRunInTheEncoderAsTrained() {
        int first = layers.count() - 1;
        float[][][] states = layers.statesBefore(first, texts);
        int[] gold = SENTENCES.stream().mapToInt(s -> s.stance().ordinal()).toArray();
        EncoderTuner tuner = new EncoderTuner(layers, first, 3, 1e-3, 7);
        EncoderTuner.Result result = tuner.fit(states, gold, states, SENTENCES, TrainingListener.SILENT);
        assertEquals(3, result.devF1().size());
        assertTrue(result.bestEpoch() >= 1);

        float[][] trained = tuner.vectors(states, result.layers());
        SentenceEncoder adapted = Encoders.get(layers.spec(), layers.adaptation(first, result.layers()));
        float[][] runs = adapted.encode(texts);
        float[][] base = Encoders.get(layers.spec()).encode(texts);
        double moved = 0;
        for (int i = 0; i < texts.size(); i++) {
            assertTrue(cosine(trained[i], runs[i]) > 0.999, "sentence " + i + ": cosine " + cosine(trained[i], runs[i]));
            moved = Math.max(moved, 1 - cosine(base[i], runs[i]));
        }
        assertTrue(moved > 0.01, "training at lr 1e-3 should move some vector; largest change " + moved);
    }

    @Test
    void adaptationSurvivesItsStoredForm() throws Exception {
        int first = layers.count() - 1;
        LayerWeights w = layers.weights(first);
        EncoderAdaptation a = layers.adaptation(first, List.of(w));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        a.write(out);
        EncoderAdaptation back = EncoderAdaptation.read(new ByteArrayInputStream(out.toByteArray()), "test", 1L << 26);
        assertEquals(a.sha256(), back.sha256());
        assertEquals(first, back.firstLayer());
        byte[] cut = Arrays.copyOf(out.toByteArray(), out.size() / 2);
        IOException e = assertThrows(IOException.class,
                () -> EncoderAdaptation.read(new ByteArrayInputStream(cut), "cut.zip", 1L << 26));
        assertTrue(e.getMessage().startsWith("cut.zip: "), e.getMessage());
    }

    private static double cosine(float[] a, float[] b) {
        double dot = 0;
        double na = 0;
        double nb = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
            na += (double) a[i] * a[i];
            nb += (double) b[i] * b[i];
        }
        return dot / Math.sqrt(na * nb);
    }
}
