package dev.stance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import dev.stance.LabelledSentence;
import dev.stance.StanceClassifier;
import dev.stance.Variant;
import dev.stance.train.LabelledTsv;

/**
 * Soak test: one shared classifier, many threads, a long run; samples the process's resident memory
 * (which includes ONNX Runtime's and the JVM's native memory) and heap as it goes, and writes a
 * Markdown report with the samples and the growth between the end of the warm-up and the end.
 * Usage: {@code Soak VARIANT MINUTES THREADS OUT}.
 */
public final class Soak {

    private static final int SAMPLE_SECONDS = 15;

    private Soak() {
    }

    public static void main(String[] args) throws Exception {
        Variant variant = Variant.valueOf(args[0]);
        double minutes = Double.parseDouble(args[1]);
        int threads = Integer.parseInt(args[2]);
        Path out = Path.of(args[3]);
        List<String> sentences = LabelledTsv.read(Path.of("training-data/test.tsv")).stream()
                .map(LabelledSentence::text).toList();
        StanceClassifier classifier = StanceClassifier.loadDefault(variant);
        AtomicLong done = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            final int offset = t * 37;
            Thread w = new Thread(() -> {
                int i = offset;
                while (!stop.get()) {
                    // Mix single calls and small batches, as a server would see.
                    if (i % 10 == 0) {
                        int from = i % (sentences.size() - 32);
                        classifier.classifyAll(sentences.subList(from, from + 32));
                        done.addAndGet(32);
                    } else {
                        classifier.classify(sentences.get(i % sentences.size()));
                        done.incrementAndGet();
                    }
                    i++;
                }
            });
            w.setDaemon(true);
            w.start();
            workers.add(w);
        }
        List<long[]> samples = new ArrayList<>(); // seconds, sentences, rss KiB, heap KiB
        long start = System.nanoTime();
        long end = start + (long) (minutes * 60e9);
        while (System.nanoTime() < end) {
            Thread.sleep(SAMPLE_SECONDS * 1000L);
            Runtime rt = Runtime.getRuntime();
            samples.add(new long[]{(System.nanoTime() - start) / 1_000_000_000L, done.get(), rssKb(),
                    (rt.totalMemory() - rt.freeMemory()) / 1024});
            System.err.printf(Locale.ROOT, "soak %s: %ds %,d sentences, RSS %.0f MB%n", variant,
                    samples.get(samples.size() - 1)[0], done.get(), samples.get(samples.size() - 1)[2] / 1024.0);
        }
        stop.set(true);
        for (Thread w : workers) {
            w.join();
        }
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, report(variant, minutes, threads, samples), StandardCharsets.UTF_8);
        System.err.println("wrote " + out);
    }

    private static String report(Variant variant, double minutes, int threads, List<long[]> samples) {
        StringBuilder md = new StringBuilder();
        md.append("# Soak: ").append(variant).append(" model, ").append(threads).append(" threads, ")
                .append(String.format(Locale.ROOT, "%.0f", minutes)).append(" minutes\n\n")
                .append("Written by `bench/soak.sh` on ")
                .append(ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append(" (").append(Runtime.getRuntime().availableProcessors()).append(" cores, Java ")
                .append(System.getProperty("java.version")).append(", max heap ")
                .append(Runtime.getRuntime().maxMemory() / (1 << 20)).append(" MB). One shared `StanceClassifier`;"
                        + " each thread makes single `classify` calls and every tenth call a `classifyAll` of 32."
                        + " RSS (resident set size, from /proc/self/status) includes native memory: ONNX Runtime's"
                        + " tensors and sessions, the tokenizer's, the JVM's.\n\n");
        md.append("| time | sentences | RSS (MB) | heap used (MB) |\n|---:|---:|---:|---:|\n");
        for (long[] s : samples) {
            md.append(String.format(Locale.ROOT, "| %d s | %,d | %.0f | %.0f |%n", s[0], s[1], s[2] / 1024.0, s[3] / 1024.0));
        }
        if (samples.size() >= 4) {
            // Growth from the end of the first quarter (warm-up, JIT, pools filled) to the end.
            long[] from = samples.get(samples.size() / 4);
            long[] to = samples.get(samples.size() - 1);
            double growthMb = (to[2] - from[2]) / 1024.0;
            double millions = (to[1] - from[1]) / 1e6;
            double max = samples.subList(samples.size() / 4, samples.size()).stream().mapToLong(s -> s[2]).max().orElse(0) / 1024.0;
            md.append(String.format(Locale.ROOT, "%nFrom %d s to %d s (%,d sentences): RSS %+.1f MB (%.0f to %.0f MB,"
                            + " at most %.0f MB), %+.1f MB per million sentences.%n",
                    from[0], to[0], to[1] - from[1], growthMb, from[2] / 1024.0, to[2] / 1024.0, max,
                    millions > 0 ? growthMb / millions : 0));
        }
        return md.toString();
    }

    private static long rssKb() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }
}
