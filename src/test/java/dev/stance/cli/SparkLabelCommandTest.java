package dev.stance.cli;

import static dev.stance.cli.MainTest.assertUsageError;
import static dev.stance.cli.MainTest.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stance.Prediction;
import dev.stance.SentenceAnalysis;
import dev.stance.StanceClassifier;
import dev.stance.Variant;
import dev.stance.spark.TestSpark;

/** {@code spark-label} end to end on files, in the shared local Spark session. */
class SparkLabelCommandTest {

    static SparkSession spark;
    static StanceClassifier fast;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        spark = TestSpark.session();
        fast = StanceClassifier.loadDefault(Variant.FAST);
    }

    @Test
    void labelsACsvWithQuotedMultiLineValuesIntoParquet() throws IOException {
        String[] texts = {
            "We categorically reject these baseless allegations.",
            "The minister said: \"We call on both sides, without delay, to return to talks.\"",
            "We condemn the attack.\nIt was a crime.",
            "",
        };
        StringBuilder csv = new StringBuilder("id,text\n");
        for (int i = 0; i < texts.length; i++) {
            csv.append(i).append(",\"").append(texts[i].replace("\"", "\"\"")).append("\"\n");
        }
        csv.append("4,\n");   // no text: null
        Path input = Files.writeString(dir.resolve("statements.csv"), csv.toString());
        Path output = dir.resolve("out.parquet");

        MainTest.Run r = run("spark-label", "--fast", "--input", input.toString(), "--output", output.toString());
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.out());
        assertTrue(r.err().startsWith("spark-label: wrote " + output), r.err());

        List<Row> rows = spark.read().parquet(output.toString()).collectAsList();
        assertEquals(List.of("id", "text", "stance", "confidence", "score_denial", "score_accusation",
                "score_condemnation", "score_call_for_negotiation", "score_none"),
                Arrays.asList(rows.get(0).schema().fieldNames()));
        Map<Integer, Row> byId = new HashMap<>();
        for (Row row : rows) {
            byId.put(Integer.parseInt(row.getString(0)), row);   // CSV columns are strings
        }
        assertEquals(5, byId.size());
        for (int i = 0; i < 3; i++) {
            Prediction p = fast.classify(texts[i]);
            assertEquals(texts[i], byId.get(i).getString(1), "CSV quoting and line breaks survive");
            assertEquals(p.stance().name(), byId.get(i).getString(2));
            assertEquals(p.confidence(), byId.get(i).getDouble(3), 0.0);
        }
        // Spark's CSV reader reads both an empty quoted value and a missing one as null.
        assertNull(byId.get(4).get(2));
    }

    @Test
    void explodesJsonLinesIntoSentences() throws IOException {
        String statement = "We reject these allegations as groundless. The minister will travel to Oslo.";
        Path input = Files.writeString(dir.resolve("statements.jsonl"),
                "{\"doc\":\"a\",\"body\":\"" + statement + "\"}\n{\"doc\":\"b\",\"body\":null}\n");
        Path output = dir.resolve("sentences.json");
        MainTest.Run r = run("spark-label", "--fast", "--sentences", "--id-column", "doc", "--text-column", "body",
                "--input", input.toString(), "--output", output.toString(), "--partitions", "2");
        assertEquals(0, r.code(), r.err());

        List<Row> rows = spark.read().json(output.toString()).orderBy("sentence_index").collectAsList();
        List<SentenceAnalysis> expected = fast.analyze(statement).sentences();
        assertEquals(expected.size(), rows.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            assertEquals("a", row.getAs("doc"));
            assertEquals(i, ((Number) row.getAs("sentence_index")).intValue());
            assertEquals(expected.get(i).begin(), ((Number) row.getAs("sentence_begin")).intValue());
            assertEquals(expected.get(i).text(), row.getAs("sentence"));
            assertEquals(expected.get(i).prediction().stance().name(), row.getAs("stance"));
        }
    }

    @Test
    void userMistakesAreOneLineErrorsWithExitCode2() throws IOException {
        Path input = Files.writeString(dir.resolve("s.jsonl"), "{\"text\":\"We deplore the decision.\"}\n");
        String in = input.toString();
        Path existing = Files.createDirectories(dir.resolve("taken.parquet"));
        assertUsageError(run("spark-label", "--fast", "--input", in), "spark-label: --output is required");
        assertUsageError(run("spark-label", "--fast", "--input", dir.resolve("missing.parquet").toString(),
                "--output", dir.resolve("o.parquet").toString()), "spark-label: [PATH_NOT_FOUND]");
        assertUsageError(run("spark-label", "--fast", "--input", in, "--output", existing.toString()),
                "spark-label: [PATH_ALREADY_EXISTS]");
        assertUsageError(run("spark-label", "--fast", "--input", in, "--output", dir.resolve("o.txt").toString()),
                "spark-label: " + dir.resolve("o.txt") + ": unknown file format \".txt\"");
        assertUsageError(run("spark-label", "--fast", "--input", in, "--output", dir.resolve("o.parquet").toString(),
                "--text-column", "body"), "spark-label: text column \"body\" is not in the input (columns: text)");
        assertUsageError(run("spark-label", "--fast", "--sentences", "--input", in, "--output", "o.parquet"),
                "spark-label: --sentences and --id-column go together");
        assertUsageError(run("spark-label", "--fast", "--input", in, "--output", "o.parquet", "--partitions", "0"),
                "spark-label: --partitions must be at least 1");

        MainTest.Run overwritten = run("spark-label", "--fast", "--input", in, "--output", existing.toString(),
                "--overwrite");
        assertEquals(0, overwritten.code(), overwritten.err());
        assertEquals(1, spark.read().parquet(existing.toString()).count());
    }

    @Test
    void withoutSparkOnTheClasspathItSaysSoBeforeDoingAnything() throws Exception {
        ClassLoader noSpark = new URLClassLoader(new URL[0], ClassLoader.getPlatformClassLoader());
        Io io = new Io(new ByteArrayInputStream(new byte[0]), new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8), new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        UsageException e = assertThrows(UsageException.class, () -> new SparkLabelCommand(noSpark).run(
                List.of("--input", "in.parquet", "--output", dir.resolve("out.parquet").toString()), io));
        assertTrue(e.getMessage().startsWith("spark-label: Apache Spark is not on the classpath; "), e.getMessage());
        assertEquals(1, e.getMessage().lines().count());
        assertTrue(Files.notExists(dir.resolve("out.parquet")));
    }

    @Test
    void listedInTheOverviewWithHelp() {
        assertTrue(run("--help").out().contains("spark-label"));
        MainTest.Run help = run("spark-label", "--help");
        assertEquals(0, help.code());
        assertTrue(help.out().startsWith("usage: stance spark-label"), help.out());
    }
}
