package dev.stance.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stance.Prediction;
import dev.stance.Stance;
import dev.stance.TestCorpus;
import dev.stance.Variant;
import dev.stance.model.StanceModel;

/** The benchmark harness runs end to end on a tiny input (no child processes, no fastText). */
class BenchSmokeTest {

    @Test
    void writesAReportWithEverySystemOnATinyInput(@TempDir Path dir) throws Exception {
        Path data = TestCorpus.writeSplits(dir.resolve("data"), TestCorpus.small(12));
        Path eval = Files.createDirectories(dir.resolve("eval"));
        Files.copy(data.resolve("test.tsv"), eval.resolve("tiny.tsv"));
        Path out = dir.resolve("RESULTS.md");

        Bench.run(Options.parse(new String[]{"--data", data.toString(), "--eval", eval.toString(),
                "--work", dir.resolve("work").toString(), "--out", out.toString(), "--sentences", "300",
                "--slow-sentences", "40", "--latency-calls", "50", "--slow-latency-calls", "10", "--repeats", "1",
                "--threads", "2", "--fasttext", "", "--no-processes"}));

        List<String> lines = Files.readAllLines(out);
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("| system | test (n=") && l.contains("| tiny (n=")),
                "accuracy table has a column per evaluation set");
        for (String system : List.of("stance FAST", "stance ACCURATE", "OpenNLP doccat")) {
            List<String> rows = lines.stream().filter(l -> l.startsWith("| " + system)).toList();
            assertEquals(4, rows.size(), system + ": a row in the accuracy, both per-label and the speed tables");
            String speed = rows.stream().filter(l -> l.contains("/s |")).findFirst().orElseThrow();
            List<String> cells = List.of(speed.split("\\|"));
            // Models with a sentence encoder are timed on --slow-sentences.
            boolean slow = system.startsWith("stance ") && StanceModel.loadDefault(
                    Variant.valueOf(system.substring("stance ".length()))).metadata().architecture().encoder() != null;
            assertEquals(slow ? " 40 " : " 300 ", cells.get(2), system + ": sentences timed");
            assertTrue(cells.get(3).trim().matches("[0-9,]+/s"), system + ": in-process throughput " + cells.get(3));
            assertTrue(cells.get(6).trim().equals("n/a"), system + ": no command-line figures without processes");
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("| `")), "the profile lists hot methods");
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("| featurize (") && l.endsWith("% |")), "phase timings");
        assertTrue(lines.stream().anyMatch(l -> l.contains("fastText was not run")));
    }

    @Test
    void rejectsBadOptions() {
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[]{"--sentences", "0"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[]{"--sentences"}));
        assertThrows(IllegalArgumentException.class, () -> Options.parse(new String[]{"--colour", "red"}));
        assertEquals(1_000_000, Options.parse(new String[0]).sentences());
    }

    @Test
    void readsFastTextProbabilities() {
        Prediction p = FastText.parse("__label__NONE 0.7 __label__DENIAL 0.2 __label__ACCUSATION 0.05"
                + " __label__CONDEMNATION 0.03 __label__CALL_FOR_NEGOTIATION 0.02");
        assertEquals(Stance.NONE, p.stance());
        assertEquals(0.2, p.score(Stance.DENIAL), 0.0);
        assertThrows(IllegalArgumentException.class, () -> FastText.parse("NONE 0.7"));
    }

    @Test
    void quantilesAreNearestRank() {
        long[] values = {5, 1, 4, 2, 3, 6, 7, 8, 9, 10};
        assertEquals(5, Measure.quantile(values, 0.5), 0.0);
        assertEquals(10, Measure.quantile(values, 0.99), 0.0);
        assertEquals(1, Measure.quantile(values, 0.0), 0.0);
        assertFalse(Baselines.line("We REJECT it.").contains("REJECT"));
        assertEquals("we reject it .", Baselines.line("We REJECT it."));
    }
}
