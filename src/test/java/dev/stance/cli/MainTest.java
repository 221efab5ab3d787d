package dev.stance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.stance.TestCorpus;

class MainTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }
    }

    static Run runWithInput(String stdin, String... args) {
        return runWithBytes(stdin.getBytes(StandardCharsets.UTF_8), args);
    }

    static Run runWithBytes(byte[] stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new ByteArrayInputStream(stdin),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    static Run run(String... args) {
        return runWithInput("", args);
    }

    /** A usage error: exit 2 and exactly one line on stderr, starting "error: ". */
    static void assertUsageError(Run r, String expectedStart) {
        assertEquals(2, r.code(), r.err());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: " + expectedStart), r.err());
        assertEquals("", r.out());
    }

    @Test
    void helpAndOverview() {
        Run help = run("--help");
        assertEquals(0, help.code());
        for (String command : List.of("classify", "analyze", "evaluate", "train")) {
            assertTrue(help.out().contains(command), help.out());
            Run commandHelp = run(command, "--help");
            assertEquals(0, commandHelp.code());
            assertTrue(commandHelp.out().startsWith("usage: stance " + command), commandHelp.out());
        }
        Run none = run();
        assertEquals(2, none.code());
        assertTrue(none.err().startsWith("usage:"));
    }

    @Test
    void usageErrorsAreOneLineWithExitCode2() {
        assertUsageError(run("frobnicate"), "unknown command \"frobnicate\"");
        assertUsageError(run("classify", "--bogus", "x"), "classify: unknown option --bogus");
        assertUsageError(run("evaluate"), "evaluate: --data is required");
        assertUsageError(run("train", "--data", "x"), "train: --out is required");
        assertUsageError(run("train", "--data", "x", "--out", "y", "--epochs", "many"), "train: --epochs must be an integer");
        assertUsageError(run("train", "--data", "x", "--out", "y", "--variant", "huge"), "train: unknown model variant");
        assertUsageError(run("analyze", dir.resolve("missing.txt").toString()), "analyze: ");
        assertUsageError(run("classify", "--model", dir.resolve("nope.zip").toString(), "hi"),
                dir.resolve("nope.zip") + ": no such model file");
    }

    @Test
    void classifyPrintsOneJsonObjectPerSentence() throws IOException {
        Run r = run("classify", "We categorically reject these baseless allegations.", "Talks resumed on Monday.");
        assertEquals(0, r.code(), r.err());
        assertEquals("", r.err(), "nothing but results unless something is wrong");
        assertEquals(2, r.outLines().size());
        for (String line : r.outLines()) {
            JsonNode n = JSON.readTree(line);
            assertTrue(n.has("text") && n.has("label") && n.has("confidence") && n.has("scores"), line);
            assertEquals(5, n.get("scores").size());
        }
        assertEquals("Talks resumed on Monday.", JSON.readTree(r.outLines().get(1)).get("text").asText());
    }

    @Test
    void classifyReadsLinesFromStdin() throws IOException {
        Run r = runWithInput("first line\nsecond line\n\nfourth\n", "classify");
        assertEquals(0, r.code(), r.err());
        assertEquals(4, r.outLines().size());
        assertEquals("NONE", JSON.readTree(r.outLines().get(2)).get("label").asText());
    }

    @Test
    void analyzePrintsOneDocumentWithOffsets() throws IOException {
        String text = "We condemn the attack on the convoy. The minister will travel to Oslo.";
        Path file = Files.writeString(dir.resolve("s.txt"), text);
        Run r = run("analyze", file.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode doc = JSON.readTree(r.out());
        assertEquals(2, doc.get("sentences").size());
        for (JsonNode s : doc.get("sentences")) {
            assertEquals(s.get("text").asText(), text.substring(s.get("begin").asInt(), s.get("end").asInt()));
        }
        assertTrue(doc.get("summary").has("counts"));
        assertEquals(r.out(), runWithInput(text, "analyze", "-").out());
    }

    @Test
    void evaluateReportsTextAndJson() throws IOException {
        Path tsv = Files.writeString(dir.resolve("e.tsv"), "label\ttext\nDENIAL\tThese reports are baseless.\n"
                + "NONE\tThe minister arrived in Oslo on Tuesday.\n");
        Run text = run("evaluate", "--data", tsv.toString());
        assertEquals(0, text.code(), text.err());
        assertTrue(text.out().startsWith("macro-F1 "), text.out());
        Run json = run("evaluate", "--data", tsv.toString(), "--json");
        JsonNode n = JSON.readTree(json.out());
        for (String key : List.of("macroF1", "accuracy", "perLabel", "confusion", "n")) {
            assertTrue(n.has(key), key);
        }
        assertEquals(2, n.get("n").asInt());
    }

    @Test
    void badDataIsReportedWithFileAndLine() throws IOException {
        Path tsv = Files.writeString(dir.resolve("bad.tsv"), "label\ttext\nDENY\tx\nNONE\t\n");
        assertUsageError(run("evaluate", "--data", tsv.toString()),
                "bad.tsv:2: unknown label \"DENY\" (expected one of DENIAL, ACCUSATION, CONDEMNATION, "
                        + "CALL_FOR_NEGOTIATION, NONE) (and 1 more: bad.tsv:3)");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/train.tsv"), "label\ttext\nNONE\tok\n");
        assertUsageError(run("train", "--data", dir.resolve("data").toString(), "--out", dir.resolve("m.zip").toString()),
                dir.resolve("data/dev.tsv") + ": no such file");
        assertTrue(Files.notExists(dir.resolve("m.zip")));
    }

    @Test
    void trainWritesAModelThatClassifies() throws IOException {
        Path dataDir = TestCorpus.writeSplits(dir.resolve("corpus"), TestCorpus.small(20));
        Path model = dir.resolve("out/model.zip");
        Run r = run("train", "--data", dataDir.toString(), "--out", model.toString(), "--epochs", "2", "--seed", "5");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("epoch   1/2"), r.err());
        assertTrue(r.err().contains("epoch   2/2"), r.err());
        assertTrue(r.out().contains("macro-F1"), r.out());
        assertTrue(Files.exists(model));
        Run c = run("classify", "--model", model.toString(), "We deplore the decision.");
        assertEquals(0, c.code(), c.err());
    }

}
