package dev.stance.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.ToIntFunction;

import dev.stance.Prediction;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * In-process measurements: throughput over a list of sentences (batched calls, one or many
 * threads), the latency of single calls, and a sampling profile with Java Flight Recorder.
 * Every figure is taken after a warm-up that lets the JIT compile the hot path.
 */
final class Measure {

    /** Sentences per {@code classifyAll} call in the throughput runs. */
    static final int CHUNK = 1000;

    private Measure() {
    }

    /**
     * Sentences per second over {@code input}: first a warm-up pass over {@code warmup} sentences,
     * then {@code repeats} timed passes over all of it; the median pass counts.
     */
    static double throughput(Contender c, List<String> input, int threads, int warmup, int repeats)
            throws InterruptedException {
        run(c, input.subList(0, Math.min(warmup, input.size())), threads);
        double[] rates = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            run(c, input, threads);
            rates[r] = input.size() / ((System.nanoTime() - start) / 1e9);
        }
        return median(rates);
    }

    private static void run(Contender c, List<String> input, int threads) throws InterruptedException {
        int chunks = (input.size() + CHUNK - 1) / CHUNK;
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            long sink = 0;
            for (int k = next.getAndIncrement(); k < chunks; k = next.getAndIncrement()) {
                List<Prediction> out = c.classifyAll(input.subList(k * CHUNK, Math.min(input.size(), (k + 1) * CHUNK)));
                sink += out.get(out.size() - 1).stance().ordinal();
            }
            if (sink < 0) {
                throw new AssertionError("unreachable; keeps the results alive");
            }
        };
        if (threads == 1) {
            worker.run();
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(worker));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a benchmark thread failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Nanoseconds per sentence that {@code step} takes over {@code input}, single thread: median of
     * {@code repeats} passes after one warm-up pass. For splitting the FAST path into its phases.
     */
    static double nanosPerSentence(ToIntFunction<String> step, List<String> input, int repeats) {
        long sink = 0;
        for (String s : input) {
            sink += step.applyAsInt(s);
        }
        double[] nanos = new double[repeats];
        for (int r = 0; r < repeats; r++) {
            long start = System.nanoTime();
            for (String s : input) {
                sink += step.applyAsInt(s);
            }
            nanos[r] = (System.nanoTime() - start) / (double) input.size();
        }
        if (sink == Long.MIN_VALUE) {
            throw new AssertionError("unreachable; keeps the results alive");
        }
        return median(nanos);
    }

    /** Nanoseconds of each of {@code calls} single {@code classify} calls after {@code warmup} calls. */
    static long[] latencies(Contender c, List<String> sentences, int warmup, int calls) {
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += c.classify(sentences.get(i % sentences.size())).stance().ordinal();
        }
        long[] out = new long[calls];
        for (int i = 0; i < calls; i++) {
            String s = sentences.get((warmup + i) % sentences.size());
            long start = System.nanoTime();
            sink += c.classify(s).stance().ordinal();
            out[i] = System.nanoTime() - start;
        }
        if (sink < 0) {
            throw new AssertionError("unreachable");
        }
        return out;
    }

    /** The {@code q}-quantile (0..1) of {@code values}, nearest rank. */
    static double quantile(long[] values, double q) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /**
     * One frame of a sampling profile.
     *
     * @param method  {@code Class.method} of the frame
     * @param self    share of the samples with this method on top of the stack
     * @param total   share of the samples with this method anywhere on the stack
     */
    record Hotspot(String method, double self, double total) {
    }

    /** Shortest profile: enough samples at 10 ms for a stable top list, even on a tiny input. */
    static final Duration MIN_PROFILE = Duration.ofSeconds(2);

    /**
     * Samples where the time goes while {@code work} runs, repeated until it has run for at least
     * {@link #MIN_PROFILE} (JFR execution samples every 10 ms); returns the {@code top} methods by
     * self time.
     */
    static List<Hotspot> profile(Runnable work, Path file, int top) throws IOException {
        try (Recording recording = new Recording()) {
            recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(10));
            recording.start();
            long end = System.nanoTime() + MIN_PROFILE.toNanos();
            do {
                work.run();
            } while (System.nanoTime() < end);
            recording.stop();
            recording.dump(file);
        }
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (RecordedEvent e : RecordingFile.readAllEvents(file)) {
            if (!e.getEventType().getName().equals("jdk.ExecutionSample") || e.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = e.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0)), 1, Integer::sum);
            frames.stream().map(Measure::name).distinct().forEach(m -> total.merge(m, 1, Integer::sum));
        }
        int n = Math.max(1, samples);
        return self.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .limit(top)
                .map(e -> new Hotspot(e.getKey(), e.getValue() / (double) n, total.get(e.getKey()) / (double) n))
                .toList();
    }

    private static String name(RecordedFrame f) {
        String type = f.getMethod().getType().getName();
        return type.substring(type.lastIndexOf('.') + 1) + "." + f.getMethod().getName();
    }
}
