package dev.stance.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

import dev.stance.Prediction;
import dev.stance.StanceClassifier;

/**
 * Labels the rows of one partition: each input row comes out with the prediction columns appended
 * (null for a null text). Rows are classified {@value #BATCH} at a time with one
 * {@link StanceClassifier#classifyAll} call. Serializable with its model; one copy per task.
 */
final class LabelPartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** Rows classified together. */
    static final int BATCH = 1024;

    private final SparkModel model;
    private final int textIndex;

    LabelPartition(SparkModel model, int textIndex) {
        this.model = model;
        this.textIndex = textIndex;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        if (!rows.hasNext()) {
            return Collections.emptyIterator();   // an empty partition never loads the model
        }
        StanceClassifier classifier = model.classifier();
        return new Batches<>(rows, BATCH, batch -> label(batch, textIndex, classifier));
    }

    /** One batch: the rows with the predictions of their texts appended, in order. */
    static List<Row> label(List<Row> rows, int textIndex, StanceClassifier classifier) {
        List<String> texts = new ArrayList<>(rows.size());
        for (Row row : rows) {
            if (!row.isNullAt(textIndex)) {
                texts.add(row.getString(textIndex));
            }
        }
        Iterator<Prediction> predictions = texts.isEmpty()
                ? Collections.emptyIterator() : classifier.classifyAll(texts).iterator();
        List<Row> out = new ArrayList<>(rows.size());
        for (Row row : rows) {
            int width = row.length();
            Object[] values = new Object[width + Columns.PREDICTION_WIDTH];
            for (int i = 0; i < width; i++) {
                values[i] = row.get(i);
            }
            if (!row.isNullAt(textIndex)) {
                Columns.putPrediction(values, width, predictions.next());
            }
            out.add(RowFactory.create(values));
        }
        return out;
    }
}
