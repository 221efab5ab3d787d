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
import dev.stance.text.SentenceSplitter;
import dev.stance.text.TextSpan;

/**
 * Explodes the statements of one partition into labelled sentences: one output row per sentence
 * ({@code id, sentence_index, sentence_begin, sentence_end, sentence} and the prediction), none for
 * a null or blank statement. The sentences of {@value #BATCH} statements are classified together
 * with one {@link StanceClassifier#classifyAll} call, which is why this splits sentences itself
 * instead of calling {@link StanceClassifier#analyze} per statement (one call per row); both use
 * the same splitter, so the results are the same (tested). Serializable; one copy per task.
 */
final class SentencePartition implements MapPartitionsFunction<Row, Row> {

    private static final long serialVersionUID = 1L;

    /** Statements whose sentences are classified together. */
    static final int BATCH = 256;

    private final SparkModel model;
    private final int idIndex;
    private final int textIndex;

    SentencePartition(SparkModel model, int idIndex, int textIndex) {
        this.model = model;
        this.idIndex = idIndex;
        this.textIndex = textIndex;
    }

    @Override
    public Iterator<Row> call(Iterator<Row> rows) {
        if (!rows.hasNext()) {
            return Collections.emptyIterator();
        }
        StanceClassifier classifier = model.classifier();
        SentenceSplitter splitter = new SentenceSplitter();
        return new Batches<>(rows, BATCH, batch -> explode(batch, idIndex, textIndex, splitter, classifier));
    }

    /** One batch of statements: the rows of all their sentences, statement by statement, in text order. */
    static List<Row> explode(List<Row> rows, int idIndex, int textIndex, SentenceSplitter splitter,
                             StanceClassifier classifier) {
        List<Object> ids = new ArrayList<>();
        List<Integer> indexes = new ArrayList<>();
        List<TextSpan> spans = new ArrayList<>();
        List<String> sentences = new ArrayList<>();
        for (Row row : rows) {
            if (row.isNullAt(textIndex)) {
                continue;
            }
            String statement = row.getString(textIndex);
            int index = 0;
            for (TextSpan span : splitter.split(statement)) {
                ids.add(row.get(idIndex));
                indexes.add(index++);
                spans.add(span);
                sentences.add(statement.substring(span.begin(), span.end()));
            }
        }
        if (sentences.isEmpty()) {
            return List.of();
        }
        List<Prediction> predictions = classifier.classifyAll(sentences);
        List<Row> out = new ArrayList<>(sentences.size());
        for (int i = 0; i < sentences.size(); i++) {
            Object[] values = new Object[5 + Columns.PREDICTION_WIDTH];
            values[0] = ids.get(i);
            values[1] = indexes.get(i);
            values[2] = spans.get(i).begin();
            values[3] = spans.get(i).end();
            values[4] = sentences.get(i);
            Columns.putPrediction(values, 5, predictions.get(i));
            out.add(RowFactory.create(values));
        }
        return out;
    }
}
