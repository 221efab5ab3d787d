package dev.stance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.stance.LabelledSentence;
import dev.stance.SentenceAnalysis;
import dev.stance.StatementAnalysis;
import dev.stance.Stance;
import dev.stance.StanceClassifier;
import dev.stance.TestCorpus;
import dev.stance.eval.ReportPage;
import dev.stance.model.StanceModel;
import dev.stance.train.LabelledTsv;

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

    /** As {@link #runWithInput}, but as if stderr were a terminal a person watches. */
    static Run runOnTerminal(String stdin, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Main.run(args, new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8),
                true));
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
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
        assertUsageError(run("evaluate", "--data", "x.tsv", "--report", dir.toString()),
                "evaluate: --report " + dir + " is a directory");
        assertUsageError(run("analyze", "--quiet=yes"), "analyze: --quiet takes no value");
    }

    @Test
    void aReportThatCannotBeWrittenIsOneErrorLineAfterTheResults() throws IOException {
        Path tsv = Files.writeString(dir.resolve("e.tsv"), "label\ttext\nNONE\tTalks resumed on Monday.\n");
        Path blocked = Files.writeString(dir.resolve("plain-file"), "").resolve("report.html");
        Run r = run("evaluate", "--data", tsv.toString(), "--report", blocked.toString());
        assertEquals(2, r.code(), r.err());
        assertTrue(r.out().startsWith("macro-F1 "), "the results come first: " + r.out());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("error: evaluate: cannot write report " + blocked + ": "
                + dir.resolve("plain-file").toAbsolutePath() + " is a file, not a directory"), r.err());
    }

    @Test
    void progressGoesToATerminalStderrOnlyAndQuietTurnsItOff() throws IOException {
        String input = "We deplore the decision.\nTalks resumed on Monday.\n";
        Run shown = runOnTerminal(input, "classify");
        assertEquals(0, shown.code(), shown.err());
        assertTrue(shown.err().contains("\rclassify: 2 sentences"), shown.err());
        assertTrue(shown.err().endsWith("\r"), "the line is blanked at the end: " + shown.err());
        assertEquals(2, shown.outLines().size());
        for (String line : shown.outLines()) {
            JSON.readTree(line);
        }
        assertEquals(runWithInput(input, "classify").out(), shown.out(), "stdout is the same with or without progress");

        Run quiet = runOnTerminal(input, "classify", "--quiet");
        assertEquals("", quiet.err());
        assertEquals(shown.out(), quiet.out());

        Path statement = Files.writeString(dir.resolve("s.txt"), "We condemn the attack. Talks resumed on Monday.");
        Run analyze = runOnTerminal("", "analyze", statement.toString());
        assertTrue(analyze.err().startsWith("\ranalyze: 1 sentences") && analyze.err().endsWith("\r"), analyze.err());
        assertEquals("", runOnTerminal("", "analyze", "--quiet", statement.toString()).err());
        assertEquals("", runWithInput(input, "classify").err(), "never when stderr is piped");
    }

    @Test
    void analyzeGivesTheLibrarysAnalysis() throws IOException {
        // Several batches and several 64K chunks of streamed input.
        String text = String.join("  ", TestCorpus.slice("test.tsv", 300).stream().map(LabelledSentence::text).toList());
        assertTrue(text.length() > 70_000, "length " + text.length());
        Path file = Files.writeString(dir.resolve("long.txt"), text);
        Run r = run("analyze", file.toString());
        assertEquals(0, r.code(), r.err());
        JsonNode cli = JSON.readTree(r.out());
        StatementAnalysis library = StanceClassifier.loadDefault().analyze(text);
        assertEquals(library.sentences().size(), cli.get("sentences").size());
        for (int i = 0; i < library.sentences().size(); i++) {
            SentenceAnalysis expected = library.sentences().get(i);
            JsonNode actual = cli.get("sentences").get(i);
            assertEquals(expected.text(), actual.get("text").asText());
            assertEquals(expected.begin(), actual.get("begin").asInt());
            assertEquals(expected.end(), actual.get("end").asInt());
            assertEquals(expected.prediction().stance().name(), actual.get("label").asText());
        }
        for (Stance s : Stance.values()) {
            assertEquals((int) library.counts().get(s), cli.get("summary").get("counts").get(s.name()).asInt());
        }
        assertEquals(library.stances().size(), cli.get("summary").get("stances").size());
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

        // A measured set that shares a sentence with the training data is refused before any training.
        Path corpus = TestCorpus.writeSplits(dir.resolve("corpus"), TestCorpus.small(20));
        LabelledSentence learnt = LabelledTsv.read(corpus.resolve("train.tsv")).get(3);
        Path eval = Files.writeString(dir.resolve("eval.tsv"), "label\ttext\nNONE\tA sentence of its own.\n"
                + learnt.stance() + "\t" + learnt.text() + "\n");
        Run leak = run("train", "--data", corpus.toString(), "--out", dir.resolve("m.zip").toString(),
                "--measure", eval.toString());
        assertUsageError(leak, "eval.tsv:3: also in the training data at " + learnt.source());
        assertFalse(leak.err().contains("epoch"), leak.err());
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

        // The test split's report lies beside the model and names the data that trained it.
        Path besideModel = dir.resolve("out/model.report.html");
        assertTrue(r.err().contains("wrote report " + besideModel), r.err());
        ReportPage trained = new ReportPage(Files.readString(besideModel));
        String dataHash = StanceModel.load(model).metadata().provenance().dataSha256();
        assertTrue(trained.document().selectFirst("#provenance").text().contains(dataHash));
        int shown = 0;
        for (Stance gold : Stance.values()) {
            for (Stance predicted : Stance.values()) {
                shown += trained.cell(gold, predicted);
            }
        }
        assertEquals(LabelledTsv.read(dataDir.resolve("test.tsv")).size(), shown);
    }

    @Test
    void evaluateWritesAReportOfWhatTheModelDoes() throws Exception {
        // A small, weak model (two epochs on 100 sentences): it makes mistakes for the report to show.
        Path dataDir = TestCorpus.writeSplits(dir.resolve("corpus"), TestCorpus.small(20));
        Path model = dir.resolve("small.zip");
        assertEquals(0, run("train", "--data", dataDir.toString(), "--out", model.toString(), "--epochs", "2",
                "--report", dir.resolve("train-report.html").toString()).code());
        assertTrue(Files.exists(dir.resolve("train-report.html")), "--report puts the training report elsewhere");
        Path quiet = dir.resolve("quiet/small.zip");
        Run none = run("train", "--data", dataDir.toString(), "--out", quiet.toString(), "--epochs", "2",
                "--report", "none");
        assertEquals(0, none.code(), none.err());
        try (var written = Files.list(quiet.getParent())) {
            assertEquals(List.of(quiet), written.toList(), "--report none writes the model and nothing beside it");
        }
        assertFalse(none.err().contains("wrote report"), none.err());
        Path testFile = dataDir.resolve("test.tsv");
        Path report = dir.resolve("reports/eval.html");
        Run r = run("evaluate", "--model", model.toString(), "--data", testFile.toString(), "--json",
                "--report", report.toString());
        assertEquals(0, r.code(), r.err());
        ReportPage page = new ReportPage(Files.readString(report));

        JsonNode matrix = JSON.readTree(r.out()).get("confusion").get("matrix");
        for (int i = 0; i < Stance.values().length; i++) {
            for (int j = 0; j < Stance.values().length; j++) {
                assertEquals(matrix.get(i).get(j).asInt(), page.cell(Stance.ofIndex(i), Stance.ofIndex(j)), i + "," + j);
            }
        }
        // Every sentence the model gets wrong is listed, and only those.
        StanceClassifier classifier = StanceClassifier.load(model);
        List<String> wrong = LabelledTsv.read(testFile).stream()
                .filter(s -> classifier.classify(s.text()).stance() != s.stance())
                .map(LabelledSentence::text).sorted().toList();
        assertFalse(wrong.isEmpty(), "the small model makes mistakes");
        assertEquals(wrong, page.errorRows().stream().map(ReportPage.Row::text).sorted().toList());
        assertEquals(List.of(), page.externalReferences());
        String provenance = page.document().selectFirst("#provenance").text();
        String fileHash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(testFile)));
        assertTrue(provenance.contains(fileHash) && provenance.contains(model.toString()), provenance);
    }

}
