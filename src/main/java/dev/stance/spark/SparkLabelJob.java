package dev.stance.spark;

import java.util.Locale;
import java.util.Objects;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.DataFrameReader;
import org.apache.spark.sql.DataFrameWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

import dev.stance.model.StanceModel;

/**
 * The file-to-file job behind {@code stance spark-label}: reads statements (Parquet, CSV with a
 * header, or JSON Lines), labels them with {@link StanceSpark#label} or, with
 * {@link Options#sentences()}, explodes them with {@link StanceSpark#analyze}, and writes the
 * result. The same code runs in local mode ({@code local[*]}) and on a cluster through
 * {@code spark-submit}, which supplies the master.
 *
 * <p>When a Spark session is already active in this JVM it is used (its master wins) and left
 * running; otherwise the job creates one and stops it at the end. Not meant for concurrent use.
 */
public final class SparkLabelJob {

    /** The file formats the job reads and writes, chosen by file extension. */
    public enum Format {
        PARQUET, CSV, JSON;

        /**
         * The format of a path by its extension: {@code .parquet} or none (a directory, as Spark writes
         * them) is Parquet, {@code .csv} is CSV, {@code .json}, {@code .jsonl} and {@code .ndjson} are
         * JSON Lines.
         *
         * @throws IllegalArgumentException for another extension, naming the path
         */
        public static Format of(String path) {
            String name = path.replaceAll("[/\\\\]+$", "");
            name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
            int dot = name.lastIndexOf('.');
            String ext = dot <= 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
            return switch (ext) {
                case "", "parquet" -> PARQUET;
                case "csv" -> CSV;
                case "json", "jsonl", "ndjson" -> JSON;
                default -> throw new IllegalArgumentException(path + ": unknown file format \"." + ext
                        + "\" (expected .parquet, .csv, .json, .jsonl, .ndjson, or a directory without extension)");
            };
        }
    }

    /**
     * What to run.
     *
     * @param input      file or directory to read
     * @param output     file or directory to write (Spark writes a directory of part files)
     * @param textColumn the column holding the text
     * @param sentences  explode statements into labelled sentences instead of labelling whole rows
     * @param idColumn   the statement id column; required with {@code sentences}, unused otherwise
     * @param master     Spark master URL, or null for the one spark-submit gave, else {@code local[*]}
     * @param model      the model to use
     * @param partitions partitions to label in; 0 keeps the input's, raised to the default parallelism
     * @param overwrite  replace an existing output instead of failing
     */
    public record Options(String input, String output, String textColumn, boolean sentences, String idColumn,
                          String master, StanceModel model, int partitions, boolean overwrite) {
        public Options {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(output, "output");
            Objects.requireNonNull(textColumn, "textColumn");
            Objects.requireNonNull(model, "model");
            if (sentences && idColumn == null) {
                throw new IllegalArgumentException("labelling sentences needs an id column to tell statements apart");
            }
            if (partitions < 0) {
                throw new IllegalArgumentException("partitions must be at least 0, got " + partitions);
            }
            Format.of(input);
            Format.of(output);
        }
    }

    /**
     * What ran.
     *
     * @param master     the Spark master used
     * @param partitions partitions labelled in
     * @param seconds    wall time of labelling and writing (the Spark job), without session start-up
     */
    public record Result(String master, int partitions, double seconds) {
    }

    private SparkLabelJob() {
    }

    /**
     * Runs the job.
     *
     * @throws IllegalArgumentException for a user mistake: missing input, existing output, unknown
     *                                  format, missing or mistyped column (the message says which)
     */
    public static Result run(Options options) {
        boolean ours = SparkSession.getActiveSession().isEmpty() && SparkSession.getDefaultSession().isEmpty();
        SparkSession spark = session(options.master());
        try {
            return label(spark, options);
        } finally {
            if (ours) {
                spark.stop();
            }
        }
    }

    private static Result label(SparkSession spark, Options o) {
        try {
            Dataset<Row> input = reader(spark, Format.of(o.input())).load(o.input());
            int read = input.rdd().getNumPartitions();
            int partitions = o.partitions() > 0 ? o.partitions()
                    : Math.max(read, spark.sparkContext().defaultParallelism());
            if (partitions != read) {
                input = input.repartition(partitions);
            }
            SparkModel model = SparkModel.of(spark, o.model());
            Dataset<Row> out = o.sentences()
                    ? StanceSpark.analyze(input, o.idColumn(), o.textColumn(), model)
                    : StanceSpark.label(input, o.textColumn(), model);
            long start = System.nanoTime();
            writer(out, Format.of(o.output()), o.overwrite()).save(o.output());
            double seconds = (System.nanoTime() - start) / 1e9;
            model.destroy();
            return new Result(spark.sparkContext().master(), partitions, seconds);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            // Spark's AnalysisException (checked in Java's eyes): a missing input, an existing output, ...
            if (e instanceof AnalysisException) {
                throw new IllegalArgumentException(firstLine(e.getMessage()), e);
            }
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private static SparkSession session(String master) {
        SparkConf given = new SparkConf();   // spark.* system properties, as spark-submit sets them
        String chosen = master != null ? master : given.get("spark.master", "local[*]");
        SparkSession.Builder builder = SparkSession.builder().appName("stance spark-label").master(chosen);
        if (chosen.startsWith("local")) {
            // One machine: no web UI, no progress bar on stderr, nothing listening beyond loopback.
            builder.config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false");
            for (String key : new String[] {"spark.driver.host", "spark.driver.bindAddress"}) {
                if (!given.contains(key)) {
                    builder.config(key, "127.0.0.1");
                }
            }
        }
        return builder.getOrCreate();
    }

    private static DataFrameReader reader(SparkSession spark, Format format) {
        return switch (format) {
            case PARQUET -> spark.read().format("parquet");
            // RFC 4180 quoting ("" inside quotes), and quoted values may span lines (statements do).
            case CSV -> spark.read().format("csv").option("header", true).option("escape", "\"")
                    .option("multiLine", true);
            case JSON -> spark.read().format("json");
        };
    }

    private static DataFrameWriter<Row> writer(Dataset<Row> out, Format format, boolean overwrite) {
        DataFrameWriter<Row> w = out.write().mode(overwrite ? SaveMode.Overwrite : SaveMode.ErrorIfExists);
        return switch (format) {
            case PARQUET -> w.format("parquet");
            case CSV -> w.format("csv").option("header", true).option("escape", "\"");
            case JSON -> w.format("json");
        };
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }
}
