// Spark benchmark driver, run by run.sh (not part of mvn verify). Single-file program:
//   java <spark flags> -cp 'target/stance.jar:target/lib/*:target/spark-lib/*' bench/spark/SparkBench.java MODE ...
// Modes:
//   input OUT N                 write N sentences (our training corpus, cycled) as Parquet, 8 files
//   plain N THREADS             the library alone: classifyAll in batches of 1024 on THREADS threads
//   spark IN MASTER SINK [sql]  StanceSpark.label (or the SQL function) on Spark; SINK noop or a Parquet dir
// Every timed mode prints one line per pass: mode, setting, rows, seconds, sentences/s, load average;
// the first pass of each JVM is reported as warm-up (JIT, model load, Spark codegen).
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

import dev.stance.StanceClassifier;
import dev.stance.Variant;
import dev.stance.spark.SparkModel;
import dev.stance.spark.StanceSpark;

public class SparkBench {

    static final int BATCH = 1024;
    /** The first pass warms up (JIT, model load, Spark codegen); the machine is shared, so two timed ones follow. */
    static final List<String> PASSES = List.of("warm-up", "timed-1", "timed-2");

    public static void main(String[] args) throws Exception {
        switch (args[0]) {
            case "input" -> input(args[1], Long.parseLong(args[2]));
            case "plain" -> plain(Integer.parseInt(args[1]), Integer.parseInt(args[2]));
            case "spark" -> spark(args[1], args[2], args[3], args.length > 4 && args[4].equals("sql"));
            default -> throw new IllegalArgumentException("unknown mode " + args[0]);
        }
    }

    /** The sentences of training-data/*.tsv (our own corpus), in file order. */
    static List<String> corpus() throws Exception {
        List<String> out = new ArrayList<>();
        for (String f : List.of("train.tsv", "dev.tsv", "test.tsv")) {
            for (String line : Files.readAllLines(Path.of("training-data", f))) {
                if (line.startsWith("#") || line.startsWith("label\t") || line.isBlank()) {
                    continue;
                }
                out.add(line.split("\t")[1]);
            }
        }
        return out;
    }

    static SparkSession session(String master) {
        return SparkSession.builder().appName("stance spark bench").master(master)
                .config("spark.ui.enabled", "false").config("spark.ui.showConsoleProgress", "false")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                // The same 8 input partitions whatever the master, so that only the cores change.
                .config("spark.sql.files.minPartitionNum", "8")
                .getOrCreate();
    }

    static void input(String out, long n) throws Exception {
        List<String> sentences = corpus();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            rows.add(RowFactory.create((long) i, sentences.get(i)));
        }
        SparkSession spark = session("local[2]");
        StructType schema = new StructType().add("k", DataTypes.LongType).add("text", DataTypes.StringType);
        Dataset<Row> corpus = spark.createDataFrame(rows, schema);
        Dataset<Row> ids = spark.range(0, n, 1, 8).withColumn("k", functions.expr("id % " + sentences.size()));
        ids.join(functions.broadcast(corpus), "k").select("id", "text").repartition(8)
                .write().mode("overwrite").parquet(out);
        System.out.printf("input %s: %d rows from %d corpus sentences%n", out, spark.read().parquet(out).count(),
                sentences.size());
        spark.stop();
    }

    static void plain(int n, int threads) throws Exception {
        List<String> corpus = corpus();
        List<String> sentences = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            sentences.add(corpus.get(i % corpus.size()));
        }
        StanceClassifier classifier = StanceClassifier.loadDefault(Variant.FAST);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (String pass : PASSES) {
            long start = System.nanoTime();
            List<Future<Integer>> parts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int from = (int) ((long) n * t / threads);
                int to = (int) ((long) n * (t + 1) / threads);
                parts.add(pool.submit(() -> {
                    int labelled = 0;
                    for (int i = from; i < to; i += BATCH) {
                        labelled += classifier.classifyAll(sentences.subList(i, Math.min(to, i + BATCH))).size();
                    }
                    return labelled;
                }));
            }
            long rows = 0;
            for (Future<Integer> f : parts) {
                rows += f.get();
            }
            report("plain " + pass, threads + " thread(s)", rows, System.nanoTime() - start);
        }
        pool.shutdown();
    }

    static void spark(String in, String master, String sink, boolean sql) throws Exception {
        SparkSession spark = session(master);
        SparkModel model = SparkModel.bundled(spark, Variant.FAST);
        Dataset<Row> statements = spark.read().parquet(in);
        long rows = statements.count();
        Dataset<Row> out;
        if (sql) {
            StanceSpark.register(spark, model);
            statements.createOrReplaceTempView("statements");
            out = spark.sql("SELECT id, stance(text) AS stance FROM statements");
        } else {
            out = StanceSpark.label(statements, "text", model);
        }
        String what = (sql ? "spark-sql " : "spark ") + sink.replaceAll(".*/", "");
        for (String pass : PASSES) {
            long start = System.nanoTime();
            if (sink.equals("noop")) {
                out.write().format("noop").mode("overwrite").save();
            } else {
                out.write().mode("overwrite").parquet(sink);
            }
            report(what + " " + pass, master + ", " + statements.rdd().getNumPartitions() + " partitions", rows,
                    System.nanoTime() - start);
        }
        spark.stop();
    }

    static void report(String what, String setting, long rows, long nanos) {
        double seconds = nanos / 1e9;
        String load;
        try {
            load = Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (java.io.IOException e) {
            load = "?";
        }
        System.out.printf("RESULT\t%s\t%s\t%d\t%.2f\t%.0f\t%s%n", what, setting, rows, seconds, rows / seconds, load);
    }
}
