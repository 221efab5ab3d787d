package dev.stance.cli;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.stance.model.StanceModel;
import dev.stance.spark.SparkLabelJob;

/**
 * {@code spark-label}: label a file of statements on Apache Spark. Spark is a provided dependency,
 * so this command first checks that it is on the classpath and fails with one usage line if not;
 * {@link SparkLabelJob} (the only class here that touches Spark) is loaded after that check.
 */
final class SparkLabelCommand implements Command {

    /** A class every Spark SQL classpath has. */
    static final String SPARK_CLASS = "org.apache.spark.sql.SparkSession";

    private static final String QUIET_HADOOP = "org.slf4j.simpleLogger.log.org.apache.hadoop.util.NativeCodeLoader";

    private final ClassLoader loader;

    SparkLabelCommand() {
        this(SparkLabelCommand.class.getClassLoader());
    }

    /** @param loader where to look for Spark (tests pass one without it) */
    SparkLabelCommand(ClassLoader loader) {
        this.loader = loader;
    }

    @Override
    public String name() {
        return "spark-label";
    }

    @Override
    public String summary() {
        return "label a Parquet, CSV or JSON Lines file on Apache Spark";
    }

    @Override
    public String help() {
        return String.join(System.lineSeparator(),
                "usage: stance spark-label --input PATH --output PATH [--text-column NAME]",
                "                          [--sentences --id-column NAME] [--master URL] [--partitions N]",
                "                          [--overwrite] [--model PATH | --fast]",
                "",
                "Reads statements from PATH (.parquet or a directory: Parquet; .csv: CSV with a header;",
                ".json/.jsonl: JSON Lines), labels them on Spark and writes the result in the format of",
                "the output's extension. Each row keeps its columns and gains stance, confidence and",
                "score_<label> columns (null for a null text). With --sentences, each statement becomes",
                "one row per sentence: the id column, sentence_index, sentence_begin, sentence_end,",
                "sentence and the same prediction columns.",
                "",
                "  --input PATH        statements to read",
                "  --output PATH       where to write (fails if it exists, unless --overwrite)",
                "  --text-column NAME  column holding the text (default: text)",
                "  --sentences         one output row per sentence instead of per statement",
                "  --id-column NAME    statement id column, copied to every sentence (with --sentences)",
                "  --master URL        Spark master (default: the one spark-submit gives, else local[*])",
                "  --partitions N      partitions to label in (default: the input's, at least one per core)",
                "  --overwrite         replace an existing output",
                ModelOption.HELP,
                "",
                "Spark is not bundled: build target/spark-lib/ with `mvn -B package -Pspark-local` to run",
                "this with java -jar, or run the jar through spark-submit (see the README).");
    }

    @Override
    public int run(List<String> argv, Io io) throws Exception {
        Set<String> valued = new HashSet<>(ModelOption.VALUED);
        valued.addAll(Set.of("input", "output", "text-column", "id-column", "master", "partitions"));
        Set<String> flags = new HashSet<>(ModelOption.FLAGS);
        flags.addAll(Set.of("sentences", "overwrite"));
        Args args = Args.parse(name(), argv, valued, flags);
        if (!args.positional().isEmpty()) {
            throw new UsageException(name() + ": unexpected argument \"" + args.positional().get(0)
                    + "\" (input and output are given with --input and --output)");
        }
        String input = args.require(name(), "input");
        String output = args.require(name(), "output");
        boolean sentences = args.has("sentences");
        if (sentences != args.has("id-column")) {
            throw new UsageException(name() + ": --sentences and --id-column go together (the id tells the "
                    + "statements of the sentences apart)");
        }
        int partitions = (int) args.integer(name(), "partitions", 0, 1);
        if (!sparkPresent()) {
            throw new UsageException(name() + ": Apache Spark is not on the classpath; build target/spark-lib/ "
                    + "with `mvn -B package -Pspark-local`, or run through spark-submit (see README)");
        }
        // Hadoop's "no native library" warning says nothing a user can act on.
        if (System.getProperty(QUIET_HADOOP) == null) {
            System.setProperty(QUIET_HADOOP, "error");
        }
        StanceModel model = ModelOption.load(args);
        SparkLabelJob.Options options = new SparkLabelJob.Options(input, output,
                args.has("text-column") ? args.get("text-column") : "text", sentences, args.get("id-column"),
                args.get("master"), model, partitions, args.has("overwrite"));
        SparkLabelJob.Result result = SparkLabelJob.run(options);
        io.err().printf("%s: wrote %s (%s, %d partitions, %.1f s)%n", name(), output, result.master(),
                result.partitions(), result.seconds());
        return 0;
    }

    private boolean sparkPresent() {
        try {
            Class.forName(SPARK_CLASS, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
