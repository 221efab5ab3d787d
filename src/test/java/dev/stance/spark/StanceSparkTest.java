package dev.stance.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.stance.LabelledSentence;
import dev.stance.Prediction;
import dev.stance.SentenceAnalysis;
import dev.stance.Stance;
import dev.stance.StanceClassifier;
import dev.stance.StatementAnalysis;
import dev.stance.TestCorpus;
import dev.stance.Variant;
import dev.stance.model.Calibration;
import dev.stance.model.StanceModel;

/** The Spark integration on a local[2] session with the FAST model. */
class StanceSparkTest {

    static final StructType STATEMENTS = new StructType()
            .add("id", DataTypes.LongType, false)
            .add("text", DataTypes.StringType, true);

    static SparkSession spark;
    static StanceClassifier fast;
    static SparkModel fastModel;
    static List<String> sentences;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
        fast = StanceClassifier.loadDefault(Variant.FAST);
        fastModel = SparkModel.bundled(spark, Variant.FAST);
        sentences = TestCorpus.slice("test.tsv", 40).stream().map(LabelledSentence::text).toList();
    }

    static Dataset<Row> frame(List<Row> rows, StructType schema, int partitions) {
        return spark.createDataFrame(rows, schema).repartition(partitions);
    }

    static List<Row> numbered(List<String> texts) {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            rows.add(RowFactory.create((long) i, texts.get(i)));
        }
        return rows;
    }

    static Map<Long, Row> byId(Dataset<Row> df) {
        Map<Long, Row> out = new HashMap<>();
        for (Row r : df.collectAsList()) {
            out.put(r.getLong(0), r);
        }
        return out;
    }

    static void assertPrediction(Prediction expected, Row row, int at, String what) {
        assertEquals(expected.stance().name(), row.getString(at), what);
        assertEquals(expected.confidence(), row.getDouble(at + 1), 0.0, what);
        for (Stance s : Stance.values()) {
            assertEquals(expected.score(s), row.getDouble(at + 2 + s.ordinal()), 0.0, what + " " + s);
        }
    }

    @Test
    void labelEqualsClassifyAllOnTheSameRows() {
        Dataset<Row> labelled = StanceSpark.label(frame(numbered(sentences), STATEMENTS, 3), "text", fastModel);
        Map<Long, Row> rows = byId(labelled);
        List<Prediction> expected = fast.classifyAll(sentences);
        assertEquals(sentences.size(), rows.size());
        for (int i = 0; i < sentences.size(); i++) {
            Row row = rows.get((long) i);
            assertEquals(sentences.get(i), row.getString(1));
            assertPrediction(expected.get(i), row, 2, sentences.get(i));
        }
        assertEquals(3, labelled.rdd().getNumPartitions());
    }

    @Test
    void labelHasTheInputColumnsThenThePredictionColumns() {
        StructType schema = StanceSpark.label(frame(numbered(sentences), STATEMENTS, 2), "text", fastModel).schema();
        List<String> names = Arrays.asList(schema.fieldNames());
        assertEquals(List.of("id", "text", "stance", "confidence", "score_denial", "score_accusation",
                "score_condemnation", "score_call_for_negotiation", "score_none"), names);
        assertEquals(STATEMENTS.fields()[0], schema.fields()[0]);
        assertEquals(STATEMENTS.fields()[1], schema.fields()[1]);
        assertEquals(DataTypes.StringType, schema.apply("stance").dataType());
        for (StructField f : Arrays.copyOfRange(schema.fields(), 3, schema.fields().length)) {
            assertEquals(DataTypes.DoubleType, f.dataType(), f.name());
        }
        for (StructField f : Arrays.copyOfRange(schema.fields(), 2, schema.fields().length)) {
            assertTrue(f.nullable(), f.name() + " is null for a null text");
        }
    }

    @Test
    void nullTextGivesNullsAndEmptyTextIsNoneAsInTheLibrary() {
        List<Row> rows = List.of(RowFactory.create(0L, null), RowFactory.create(1L, ""),
                RowFactory.create(2L, "   \n"), RowFactory.create(3L, sentences.get(0)));
        Map<Long, Row> out = byId(StanceSpark.label(frame(rows, STATEMENTS, 2), "text", fastModel));
        for (int c = 2; c < out.get(0L).length(); c++) {
            assertNull(out.get(0L).get(c));
        }
        assertPrediction(fast.classify(""), out.get(1L), 2, "empty");
        assertEquals("NONE", out.get(1L).getString(2));
        assertEquals(1.0, out.get(1L).getDouble(3), 0.0);
        assertPrediction(fast.classify("   \n"), out.get(2L), 2, "blank");
        assertPrediction(fast.classify(sentences.get(0)), out.get(3L), 2, sentences.get(0));
    }

    @Test
    void emptyFramesAndEmptyPartitions() {
        Dataset<Row> none = StanceSpark.label(frame(List.of(), STATEMENTS, 2), "text", fastModel);
        assertEquals(0, none.count());
        assertEquals(9, none.schema().size());
        // 3 rows in 6 partitions: at least 3 partitions have no row.
        List<Row> three = numbered(sentences.subList(0, 3));
        Dataset<Row> sparse = spark.createDataFrame(three, STATEMENTS).repartition(6);
        List<Integer> sizes = sparse.javaRDD().glom().map(List::size).collect();
        assertTrue(sizes.contains(0), "some partition is empty: " + sizes);
        Map<Long, Row> out = byId(StanceSpark.label(sparse, "text", fastModel));
        assertEquals(3, out.size());
        for (int i = 0; i < 3; i++) {
            assertPrediction(fast.classify(sentences.get(i)), out.get((long) i), 2, sentences.get(i));
        }
        Dataset<Row> noSentences = StanceSpark.analyze(frame(List.of(), STATEMENTS, 2), "id", "text", fastModel);
        assertEquals(0, noSentences.count());
    }

    @Test
    void analyzeExplodesStatementsExactlyAsTheLibrary() {
        List<String> statements = new ArrayList<>();
        for (int i = 0; i + 3 <= 60; i += 3) {
            statements.add(sentences.get(i) + " " + sentences.get(i + 1) + "\n" + sentences.get(i + 2));
        }
        List<Row> rows = numbered(statements);
        rows.add(RowFactory.create(1000L, null));
        rows.add(RowFactory.create(1001L, "  "));
        Dataset<Row> exploded = StanceSpark.analyze(frame(rows, STATEMENTS, 3), "id", "text", fastModel);

        assertEquals(List.of("id", "sentence_index", "sentence_begin", "sentence_end", "sentence", "stance",
                "confidence", "score_denial", "score_accusation", "score_condemnation",
                "score_call_for_negotiation", "score_none"), Arrays.asList(exploded.schema().fieldNames()));
        assertEquals(DataTypes.LongType, exploded.schema().apply("id").dataType());

        Map<String, Row> got = new HashMap<>();
        for (Row r : exploded.collectAsList()) {
            got.put(r.getLong(0) + "/" + r.getInt(1), r);
        }
        int total = 0;
        for (int s = 0; s < statements.size(); s++) {
            StatementAnalysis a = fast.analyze(statements.get(s));
            for (int k = 0; k < a.sentences().size(); k++, total++) {
                SentenceAnalysis expected = a.sentences().get(k);
                Row row = got.get(s + "/" + k);
                assertEquals(expected.begin(), row.getInt(2));
                assertEquals(expected.end(), row.getInt(3));
                assertEquals(expected.text(), row.getString(4));
                assertEquals(statements.get(s).substring(row.getInt(2), row.getInt(3)), row.getString(4));
                assertPrediction(expected.prediction(), row, 5, expected.text());
            }
        }
        assertEquals(total, got.size(), "no rows for the null and blank statements");
        assertTrue(total >= 3 * statements.size() / 2);
    }

    @Test
    void sqlFunctionLabelsTextsAndPassesNull() {
        StanceSpark.register(spark, fastModel);
        List<Row> rows = numbered(sentences.subList(0, 50));
        rows.add(RowFactory.create(99L, null));
        frame(rows, STATEMENTS, 2).createOrReplaceTempView("statements");
        Map<Long, Row> out = byId(spark.sql("SELECT id, stance(text) AS stance FROM statements"));
        for (int i = 0; i < 50; i++) {
            assertEquals(fast.classify(sentences.get(i)).stance().name(), out.get((long) i).getString(1));
        }
        assertNull(out.get(99L).get(1));
    }

    @Test
    void eachJvmBuildsAModelOnceForAllPartitionsAndCalls() {
        // A model no other test uses: the FAST network with its own calibration.
        StanceModel base = StanceModel.loadDefault(Variant.FAST);
        StanceModel own = base.withCalibration(new Calibration(1.5, List.of(0.0, 0.0, 0.0, 0.0, -0.25)));
        SparkModel model = SparkModel.of(spark, own);
        assertEquals(model.contentHash(), SparkModel.of(spark, own).contentHash(), "the hash depends on content only");
        assertTrue(!model.contentHash().equals(fastModel.contentHash()));

        long before = ExecutorModels.loads();
        Dataset<Row> df = frame(numbered(sentences), STATEMENTS, 4);
        Map<Long, Row> labelled = byId(StanceSpark.label(df, "text", model));
        StanceSpark.analyze(df, "id", "text", model).count();
        StanceSpark.label(df, "text", SparkModel.of(spark, own)).count();   // another broadcast, same content
        StanceSpark.register(spark, model);
        df.createOrReplaceTempView("own");
        spark.sql("SELECT stance(text) FROM own").collectAsList();
        assertEquals(1, ExecutorModels.loads() - before);

        List<Prediction> expected = own.classifier().classifyAll(sentences);
        for (int i = 0; i < sentences.size(); i++) {
            assertPrediction(expected.get(i), labelled.get((long) i), 2, sentences.get(i));
        }
        model.destroy();
    }

    @Test
    void defaultOverloadUsesTheBundledAccurateModel() {
        List<String> few = sentences.subList(0, 12);
        Map<Long, Row> out = byId(StanceSpark.label(frame(numbered(few), STATEMENTS, 2), "text"));
        List<Prediction> expected = StanceClassifier.loadDefault().classifyAll(few);
        for (int i = 0; i < few.size(); i++) {
            assertPrediction(expected.get(i), out.get((long) i), 2, few.get(i));
        }
    }

    @Test
    void badColumnsAreRejectedAtOnceByName() {
        Dataset<Row> df = frame(numbered(sentences.subList(0, 2)), STATEMENTS, 1);
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> StanceSpark.label(df, "body", fastModel));
        assertEquals("text column \"body\" is not in the input (columns: id, text)", missing.getMessage());
        IllegalArgumentException notText = assertThrows(IllegalArgumentException.class,
                () -> StanceSpark.label(df, "id", fastModel));
        assertEquals("text column \"id\" must be a string column, but it is bigint", notText.getMessage());
        IllegalArgumentException noId = assertThrows(IllegalArgumentException.class,
                () -> StanceSpark.analyze(df, "statement_id", "text", fastModel));
        assertTrue(noId.getMessage().startsWith("id column \"statement_id\" is not in the input"), noId.getMessage());

        Dataset<Row> labelledTwice = StanceSpark.label(df, "text", fastModel);
        IllegalArgumentException clash = assertThrows(IllegalArgumentException.class,
                () -> StanceSpark.label(labelledTwice, "text", fastModel));
        assertTrue(clash.getMessage().contains("already has a column \"stance\""), clash.getMessage());
        Dataset<Row> sentenceId = df.withColumnRenamed("id", "sentence");
        assertThrows(IllegalArgumentException.class, () -> StanceSpark.analyze(sentenceId, "sentence", "text", fastModel));
    }
}
