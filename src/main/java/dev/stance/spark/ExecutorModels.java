package dev.stance.spark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import dev.stance.StanceClassifier;
import dev.stance.model.StanceModel;

/**
 * The classifiers of this JVM (a Spark executor, or the driver in local mode), one per model
 * content, built on first use and then shared by every task. Holds at most {@value #CAPACITY}
 * models; the least recently used is dropped beyond that. Thread-safe: a model is built once even
 * when many tasks ask for it at the same moment (the others wait for it).
 */
final class ExecutorModels {

    /** Distinct models kept per JVM. */
    static final int CAPACITY = 4;

    private static final Map<String, StanceClassifier> CLASSIFIERS = new LinkedHashMap<>(8, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, StanceClassifier> eldest) {
            return size() > CAPACITY;
        }
    };

    private static long loads;

    private ExecutorModels() {
    }

    /**
     * The classifier for the model with {@code contentHash}, building it from {@code bytes} (a model
     * file) when this JVM has none.
     *
     * @param name for error messages
     * @throws UncheckedIOException if the bytes are not a usable model (they were checked on the driver)
     */
    static synchronized StanceClassifier classifier(String contentHash, String name, Supplier<byte[]> bytes) {
        StanceClassifier classifier = CLASSIFIERS.get(contentHash);
        if (classifier == null) {
            try {
                classifier = StanceModel.read(new ByteArrayInputStream(bytes.get()), "broadcast model " + name)
                        .classifier();
            } catch (IOException e) {
                throw new UncheckedIOException(e.getMessage(), e);
            }
            CLASSIFIERS.put(contentHash, classifier);
            loads++;
        }
        return classifier;
    }

    /** How many classifiers this JVM has built so far (for tests). */
    static synchronized long loads() {
        return loads;
    }
}
