package dev.stance.features;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;

/** Sharing and release of encoder sessions. */
class EncodersTest {

    private static final List<String> TEXTS = List.of("We reject these allegations.", "Talks resume on Monday.");

    @Test
    void anAdaptedEncoderIsSharedWhileUsedAndReleasedAfter() throws InterruptedException {
        EncoderLayers layers = Encoders.layers(Encoders.spec(Encoders.BGE_SMALL));
        int last = layers.count() - 1;
        Map<String, float[]> changed = new HashMap<>(layers.weights(last).values());
        float[] bias = new float[layers.width()];
        bias[0] = 0.25f; // an adaptation no other test makes, so no other test holds its encoder
        changed.put("output.LayerNorm.bias", bias);
        EncoderAdaptation adaptation = layers.adaptation(last, List.of(new LayerWeights(changed)));

        SentenceEncoder encoder = Encoders.get(layers.spec(), adaptation);
        assertSame(encoder, Encoders.get(layers.spec(), adaptation), "one session per adaptation while in use");
        float[][] vectors = encoder.encode(TEXTS);
        AtomicBoolean released = ((OnnxSentenceEncoder) encoder).released();
        assertFalse(released.get());

        encoder = null; // the only reference: the encoder is now unreachable
        for (int i = 0; i < 100 && !released.get(); i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertTrue(released.get(), "session, tokenizer and threads released once no model uses the encoder");

        // Asking again opens a new session that computes the same vectors.
        SentenceEncoder reopened = Encoders.get(layers.spec(), adaptation);
        float[][] again = reopened.encode(TEXTS);
        for (int i = 0; i < vectors.length; i++) {
            assertArrayEquals(vectors[i], again[i], 0f);
        }
    }

    @Test
    void thePretrainedEncoderIsKeptForTheJvm() throws InterruptedException {
        EncoderSpec spec = Encoders.spec(Encoders.BGE_SMALL);
        AtomicBoolean released = ((OnnxSentenceEncoder) Encoders.get(spec)).released();
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertFalse(released.get(), "the pretrained session stays open with no model using it");
        assertSame(Encoders.get(spec), Encoders.get(spec, null));
    }
}
