package dev.stance.spark;

import org.apache.spark.sql.api.java.UDF1;

import dev.stance.StanceClassifier;

/**
 * The SQL function {@code stance(text)}: the label of one text, null for null. Spark calls scalar
 * functions row by row, so this classifies one text per call (fine for the lexical FAST model,
 * which runs in plain Java; {@link StanceSpark#label} batches and is the faster way for bulk work
 * with an encoder model). Serializable; each task gets its own copy.
 */
final class StanceFunction implements UDF1<String, String> {

    private static final long serialVersionUID = 1L;

    private final SparkModel model;
    private transient StanceClassifier classifier;

    StanceFunction(SparkModel model) {
        this.model = model;
    }

    @Override
    public String call(String text) {
        if (text == null) {
            return null;
        }
        if (classifier == null) {
            classifier = model.classifier();
        }
        return classifier.classify(text).stance().name();
    }
}
