package dev.stance.spark;

import java.util.Objects;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import dev.stance.Variant;

/**
 * Stance labelling of Spark data frames.
 *
 * <pre>{@code
 * SparkModel model = SparkModel.bundled(spark, Variant.FAST);       // or SparkModel.of(spark, StanceModel.load(path))
 * Dataset<Row> labelled = StanceSpark.label(statements, "text", model);
 * Dataset<Row> sentences = StanceSpark.analyze(statements, "id", "text", model);
 * StanceSpark.register(spark, model);
 * spark.sql("SELECT stance(text) AS stance, count(*) FROM statements GROUP BY 1");
 * }</pre>
 *
 * <p>{@link #label} keeps every input column and appends {@code stance} (string),
 * {@code confidence} (double) and {@code score_denial}, {@code score_accusation},
 * {@code score_condemnation}, {@code score_call_for_negotiation}, {@code score_none} (doubles),
 * with exactly the values of {@link dev.stance.StanceClassifier#classifyAll} on the same texts. A
 * null text gives nulls in all of them; an empty or blank text is {@code NONE} with confidence 1,
 * as in the library.
 *
 * <p>How it runs: the model file travels once per executor as a broadcast ({@link SparkModel});
 * each executor JVM builds one classifier from it and shares it between its tasks; each partition
 * is classified in batches ({@code mapPartitions}), never one call per row. The methods without a
 * {@code SparkModel} broadcast the bundled {@link Variant#ACCURATE} model anew on each call.
 *
 * <p>All methods are lazy transformations (nothing runs until an action) and may be called from
 * any thread. Bad arguments (a missing column, a column of the wrong type, an input that already
 * has an output column) throw {@link IllegalArgumentException} at once, naming the column.
 */
public final class StanceSpark {

    /** Name under which {@link #register} makes the SQL function available. */
    public static final String SQL_FUNCTION = "stance";

    private StanceSpark() {
    }

    /** {@link #label(Dataset, String, SparkModel)} with the bundled {@link Variant#ACCURATE} model. */
    public static Dataset<Row> label(Dataset<Row> df, String textColumn) {
        return label(df, textColumn, SparkModel.bundled(df.sparkSession(), Variant.ACCURATE));
    }

    /**
     * {@code df} with the prediction of {@code textColumn} appended to each row (see the class
     * description for the columns). Same number of rows and partitions as {@code df}.
     *
     * @param textColumn a top-level string column of {@code df}
     * @throws IllegalArgumentException if the column is missing or not a string, or {@code df}
     *                                  already has one of the output columns
     */
    public static Dataset<Row> label(Dataset<Row> df, String textColumn, SparkModel model) {
        Objects.requireNonNull(df, "df");
        Objects.requireNonNull(model, "model");
        StructType schema = df.schema();
        int text = Columns.stringIndex(schema, textColumn, "text column");
        Columns.requireAbsent(schema, Columns.predictionNames());
        return df.mapPartitions(new LabelPartition(model, text), Encoders.row(Columns.withPrediction(schema, true)));
    }

    /** {@link #analyze(Dataset, String, String, SparkModel)} with the bundled {@link Variant#ACCURATE} model. */
    public static Dataset<Row> analyze(Dataset<Row> df, String idColumn, String textColumn) {
        return analyze(df, idColumn, textColumn, SparkModel.bundled(df.sparkSession(), Variant.ACCURATE));
    }

    /**
     * The sentences of every statement, one row each: the statement's {@code idColumn} (same name
     * and type), {@code sentence_index} (0, 1, ... within the statement), {@code sentence_begin}
     * and {@code sentence_end} (character offsets into the statement, in UTF-16 code units),
     * {@code sentence} (the text between them), then the prediction columns of {@link #label}.
     * Exactly what {@link dev.stance.StanceClassifier#analyze} gives per statement. A null or blank
     * statement has no rows.
     *
     * @param idColumn   a top-level column of any type that identifies the statement
     * @param textColumn a top-level string column holding the statement
     * @throws IllegalArgumentException if a column is missing, the text is not a string, or the id
     *                                  column has the name of an output column
     */
    public static Dataset<Row> analyze(Dataset<Row> df, String idColumn, String textColumn, SparkModel model) {
        Objects.requireNonNull(df, "df");
        Objects.requireNonNull(model, "model");
        StructType schema = df.schema();
        int id = Columns.index(schema, idColumn, "id column");
        int text = Columns.stringIndex(schema, textColumn, "text column");
        return df.mapPartitions(new SentencePartition(model, id, text),
                Encoders.row(Columns.sentences(schema.fields()[id])));
    }

    /** {@link #register(SparkSession, SparkModel)} with the bundled {@link Variant#ACCURATE} model. */
    public static void register(SparkSession spark) {
        register(spark, SparkModel.bundled(spark, Variant.ACCURATE));
    }

    /**
     * Registers the SQL function {@value #SQL_FUNCTION}{@code (text)} in {@code spark}: the label
     * of a text as a string ({@code DENIAL}, ..., {@code NONE}), null for null. It replaces an
     * earlier registration under that name. Spark evaluates scalar functions row by row; for bulk
     * labelling with an encoder model {@link #label} is faster, as it batches.
     */
    public static void register(SparkSession spark, SparkModel model) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(model, "model");
        spark.udf().register(SQL_FUNCTION, new StanceFunction(model), DataTypes.StringType);
    }
}
