package dev.stance.bench;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.stance.Prediction;
import dev.stance.Stance;

/**
 * fastText's own command line ({@code fasttext supervised} and {@code predict-prob}), fed the
 * {@link Baselines} form of the sentences. Predictions travel through pipes, so no evaluation
 * sentence is written to disk.
 */
final class FastText {

    private static final String LABEL = "__label__";

    private final String binary;

    FastText(String binary) {
        this.binary = binary;
    }

    /**
     * Trains with the default settings plus {@code -wordNgrams 2} and {@code extra} options;
     * writes {@code prefix.bin} (and {@code prefix.vec}, which is deleted).
     */
    Processes.Run train(Path trainFile, Path prefix, Path log, String... extra) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary, "supervised", "-input", trainFile.toString(), "-output",
                prefix.toString(), "-wordNgrams", "2"));
        command.addAll(List.of(extra));
        Processes.Run run = Processes.timed(command, null, log);
        Files.deleteIfExists(Path.of(prefix + ".vec"));
        return run;
    }

    /** The command that prints all five label probabilities for each line of standard input. */
    List<String> predictCommand(Path model) {
        return List.of(binary, "predict-prob", model.toString(), "-", Integer.toString(Stance.values().length));
    }

    /** Predictions for {@code lines} (already in {@link Baselines} form), in order. */
    List<Prediction> predict(Path model, List<String> lines) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(predictCommand(model)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
            try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8))) {
                for (String line : lines) {
                    w.write(line);
                    w.write('\n');
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        List<Prediction> out = new ArrayList<>(lines.size());
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                out.add(parse(line));
            }
        }
        writer.join();
        if (p.waitFor() != 0 || out.size() != lines.size()) {
            throw new IOException("fasttext predict-prob gave " + out.size() + " answers for " + lines.size() + " lines");
        }
        return out;
    }

    /**
     * Round-trip times in nanoseconds of single sentences sent one at a time to one running
     * {@code predict-prob} (it answers each line before reading the next), after {@code warmup}
     * sentences; includes the pipe, as a service calling fastText would pay it.
     */
    long[] latencies(Path model, List<String> lines, int warmup, int calls) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(predictCommand(model)).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long[] out = new long[calls];
        try (BufferedWriter w = new BufferedWriter(new OutputStreamWriter(p.getOutputStream(), StandardCharsets.UTF_8));
             BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (int i = 0; i < warmup + calls; i++) {
                long start = System.nanoTime();
                w.write(lines.get(i % lines.size()));
                w.write('\n');
                w.flush();
                if (r.readLine() == null) {
                    throw new IOException("fasttext predict-prob stopped answering");
                }
                if (i >= warmup) {
                    out[i - warmup] = System.nanoTime() - start;
                }
            }
        }
        p.waitFor();
        return out;
    }

    /** One line of {@code predict-prob} output: {@code __label__X p __label__Y q ...}. */
    static Prediction parse(String line) {
        double[] scores = new double[Stance.values().length];
        String[] parts = line.trim().split(" ");
        for (int i = 0; i + 1 < parts.length; i += 2) {
            if (!parts[i].startsWith(LABEL)) {
                throw new IllegalArgumentException("unexpected fasttext output: " + line);
            }
            scores[Stance.parse(parts[i].substring(LABEL.length())).ordinal()] = Double.parseDouble(parts[i + 1]);
        }
        return Prediction.fromProbabilities(scores);
    }
}
