package dev.stance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import dev.stance.Prediction;
import dev.stance.Stance;
import dev.stance.StanceClassifier;
import dev.stance.StatementAnalysis;

class ProgressTest {

    private static final long SECOND = 1_000_000_000L;

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    private final AtomicLong clock = new AtomicLong(5 * SECOND);

    private String written() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void lineWithAKnownTotalShowsShareRateAndEta() {
        Progress p = new Progress(err, "analyze", 2000, clock::get);
        p.advance(500);
        assertEquals("analyze: 500/2,000 sentences  25%", p.line(clock.get()));
        assertEquals("analyze: 500/2,000 sentences  25%  250/s  elapsed 2s  ETA 6s", p.line(clock.get() + 2 * SECOND));
    }

    @Test
    void lineWithoutATotalShowsCountAndRate() {
        Progress p = new Progress(err, "classify", -1, clock::get);
        p.advance(1500);
        assertEquals("classify: 1,500 sentences  15/s  elapsed 1m40s", p.line(clock.get() + 100 * SECOND));
    }

    @Test
    void redrawsInPlaceAFewTimesASecondAndBlanksTheLineAtTheEnd() {
        Progress p = new Progress(err, "classify", -1, clock::get);
        p.advance(256);                              // first update: drawn at once
        clock.addAndGet(SECOND / 10);
        p.advance(256);                              // 0.1 s later: not redrawn yet
        assertEquals("\rclassify: 256 sentences", written());
        clock.addAndGet(SECOND / 5);
        p.advance(256);                              // 0.3 s after the first: redrawn
        assertTrue(written().endsWith("\rclassify: 768 sentences  2,560/s  elapsed 0s"), written());
        p.close();
        String last = written().substring(written().lastIndexOf("\r", written().length() - 2));
        assertEquals("\r" + " ".repeat("classify: 768 sentences  2,560/s  elapsed 0s".length()) + "\r", last);
    }

    @Test
    void clearingBeforeOutputForcesTheNextRedraw() {
        Progress p = new Progress(err, "classify", -1, clock::get);
        p.advance(1);
        p.clear();
        p.advance(1);                                // same instant, but the line was blanked
        assertTrue(written().endsWith("\rclassify: 2 sentences"), written());
    }

    @Test
    void offUnlessStderrIsATerminalAndNotQuiet() throws UsageException {
        Args plain = Args.parse("classify", List.of(), Set.of(), Set.of(Progress.QUIET));
        Args quiet = Args.parse("classify", List.of("--quiet"), Set.of(), Set.of(Progress.QUIET));
        InputStream in = new ByteArrayInputStream(new byte[0]);
        Progress.of(new Io(in, System.out, err, false), plain, "classify", 10).advance(10);
        Progress.of(new Io(in, System.out, err, true), quiet, "classify", 10).advance(10);
        assertEquals("", written());
        Progress.of(new Io(in, System.out, err, true), plain, "classify", 10).advance(10);
        assertTrue(written().startsWith("\rclassify: 10/10 sentences  100%"), written());
    }

    /** A classifier that records how it was called: label by text length. */
    private static final class Recording implements StanceClassifier {
        final List<Integer> batches = new ArrayList<>();

        @Override
        public Prediction classify(String sentence) {
            double[] p = new double[5];
            p[sentence.length() % 5] = 1;
            return Prediction.fromProbabilities(p);
        }

        @Override
        public List<Prediction> classifyAll(List<String> sentences) {
            batches.add(sentences.size());
            return sentences.stream().map(this::classify).toList();
        }

        @Override
        public StatementAnalysis analyze(String statement) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void analyze(Reader statement, Consumer<dev.stance.SentenceAnalysis> sink) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void classifiesInBatchesWithTheSameResults() {
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            texts.add("x".repeat(i % 11 + 1));
        }
        Recording classifier = new Recording();
        Progress p = new Progress(err, "evaluate", texts.size(), clock::get);
        List<Prediction> predictions = p.classifyAll(classifier, texts);
        assertEquals(List.of(256, 256, 88), classifier.batches);
        assertEquals(600, predictions.size());
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(Stance.ofIndex(texts.get(i).length() % 5), predictions.get(i).stance(), "sentence " + i);
        }
        assertTrue(written().contains("600/600 sentences  100%"), written());
    }

    @Test
    void durations() {
        assertEquals("0s", Progress.duration(0.2));
        assertEquals("59s", Progress.duration(59.4));
        assertEquals("1m00s", Progress.duration(60));
        assertEquals("61m01s", Progress.duration(3661));
    }
}
