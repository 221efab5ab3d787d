package dev.stance.spark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

import dev.stance.Prediction;
import dev.stance.Stance;

/** Names and types of the columns {@link StanceSpark} reads and writes, and checks on input schemas. */
final class Columns {

    static final String STANCE = "stance";
    static final String CONFIDENCE = "confidence";
    static final String SENTENCE_INDEX = "sentence_index";
    static final String SENTENCE_BEGIN = "sentence_begin";
    static final String SENTENCE_END = "sentence_end";
    static final String SENTENCE = "sentence";

    /** Number of values {@link #putPrediction} writes. */
    static final int PREDICTION_WIDTH = 2 + Stance.values().length;

    private Columns() {
    }

    /** {@code score_denial}, ..., {@code score_none}: the column holding the score of one label. */
    static String score(Stance stance) {
        return "score_" + stance.name().toLowerCase(Locale.ROOT);
    }

    /** {@code schema} followed by the prediction columns, which may be null. */
    static StructType withPrediction(StructType schema, boolean nullable) {
        StructType out = schema.add(STANCE, DataTypes.StringType, nullable)
                .add(CONFIDENCE, DataTypes.DoubleType, nullable);
        for (Stance s : Stance.values()) {
            out = out.add(score(s), DataTypes.DoubleType, nullable);
        }
        return out;
    }

    /** The names {@link #withPrediction} adds. */
    static List<String> predictionNames() {
        List<String> names = new ArrayList<>(List.of(STANCE, CONFIDENCE));
        for (Stance s : Stance.values()) {
            names.add(score(s));
        }
        return names;
    }

    /** Writes stance, confidence and the scores in {@link Stance} order into {@code values} from {@code at}. */
    static void putPrediction(Object[] values, int at, Prediction p) {
        values[at] = p.stance().name();
        values[at + 1] = p.confidence();
        for (Stance s : Stance.values()) {
            values[at + 2 + s.ordinal()] = p.score(s);
        }
    }

    /**
     * Index of a top-level column.
     *
     * @param role what the column is for, for the message ("text column")
     * @throws IllegalArgumentException naming the column and the ones there are when it is missing
     */
    static int index(StructType schema, String name, String role) {
        if (name == null) {
            throw new IllegalArgumentException(role + " is null");
        }
        String[] names = schema.fieldNames();
        int i = Arrays.asList(names).indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(role + " \"" + name + "\" is not in the input (columns: "
                    + String.join(", ", names) + ")");
        }
        return i;
    }

    /** Index of a top-level string column; also rejects other types, naming the one found. */
    static int stringIndex(StructType schema, String name, String role) {
        int i = index(schema, name, role);
        DataType type = schema.fields()[i].dataType();
        if (!type.equals(DataTypes.StringType)) {
            throw new IllegalArgumentException(role + " \"" + name + "\" must be a string column, but it is "
                    + type.simpleString());
        }
        return i;
    }

    /** Rejects an input that already has a column the output would add. */
    static void requireAbsent(StructType schema, List<String> names) {
        List<String> have = Arrays.asList(schema.fieldNames());
        for (String n : names) {
            if (have.stream().anyMatch(h -> h.equalsIgnoreCase(n))) {
                throw new IllegalArgumentException("the input already has a column \"" + n
                        + "\", which the output adds; rename or drop it first");
            }
        }
    }

    /**
     * The schema of {@link StanceSpark#analyze}: the id column, the sentence columns and the prediction.
     *
     * @throws IllegalArgumentException if the id column has the name of one of the others
     */
    static StructType sentences(StructField id) {
        List<String> added = new ArrayList<>(List.of(SENTENCE_INDEX, SENTENCE_BEGIN, SENTENCE_END, SENTENCE));
        added.addAll(predictionNames());
        requireAbsent(new StructType(new StructField[] {id}), added);
        StructType base = new StructType(new StructField[] {id})
                .add(SENTENCE_INDEX, DataTypes.IntegerType, false)
                .add(SENTENCE_BEGIN, DataTypes.IntegerType, false)
                .add(SENTENCE_END, DataTypes.IntegerType, false)
                .add(SENTENCE, DataTypes.StringType, false);
        return withPrediction(base, false);
    }
}
