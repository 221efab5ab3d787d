package dev.stance.features;

import java.util.List;

/**
 * A pretrained sentence encoder: sentences in, one fixed-width vector each. Implementations are
 * thread-safe and run offline from artifacts on the classpath.
 */
public interface SentenceEncoder {

    /** Which encoder this is; model files record it. */
    EncoderSpec spec();

    /** One vector of {@code spec().dimension()} floats per sentence, in order. */
    float[][] encode(List<String> sentences);
}
