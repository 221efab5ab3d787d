package dev.stance.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

import dev.stance.Prediction;
import dev.stance.StanceClassifier;

/**
 * A one-line progress display for long runs ({@code classify} over stdin, {@code analyze},
 * {@code evaluate}), redrawn in place on stderr:
 * {@code analyze: 1,024/4,310 sentences  23%  512/s  elapsed 2s  ETA 6s}.
 *
 * <p>It is shown only when stderr is a terminal and {@code --quiet} is absent; otherwise every
 * method does nothing, so piped or redirected output never contains it. Redraws are limited to a
 * few per second; {@link #clear()} blanks the line before results are written to a terminal
 * stdout, and {@link #close()} blanks it when the work is done. Not thread-safe.
 */
final class Progress implements AutoCloseable {

    /** The flag that turns the progress line off. */
    static final String QUIET = "quiet";

    static final String HELP = "  --quiet        no progress line on stderr (shown only when stderr is a terminal)";

    /** Sentences classified between two progress updates. */
    static final int BATCH = 256;

    private static final long REDRAW_NANOS = 250_000_000L;
    private static final Progress OFF = new Progress(null, "", -1, () -> 0);

    private final PrintStream err;
    private final String prefix;
    private final long total;
    private final LongSupplier nanoClock;
    private final long started;
    private long done;
    private long lastDraw;
    private int shown;

    /**
     * A progress line drawn on {@code err}.
     *
     * @param prefix    what runs, e.g. {@code "analyze"}
     * @param total     sentences expected, or a negative number when unknown
     * @param nanoClock monotonic time in nanoseconds (tests pass a fake one)
     */
    Progress(PrintStream err, String prefix, long total, LongSupplier nanoClock) {
        this.err = err;
        this.prefix = prefix;
        this.total = total;
        this.nanoClock = nanoClock;
        this.started = nanoClock.getAsLong();
        this.lastDraw = started;
    }

    /** The progress line of a command: on a terminal stderr without {@code --quiet}, else one that does nothing. */
    static Progress of(Io io, Args args, String command, long total) {
        return io.errIsTerminal() && !args.has(QUIET) ? new Progress(io.err(), command, total, System::nanoTime) : OFF;
    }

    /**
     * Classifies {@code texts} in batches of {@value #BATCH}, advancing after each; the result is
     * exactly {@code classifier.classifyAll(texts)}.
     */
    List<Prediction> classifyAll(StanceClassifier classifier, List<String> texts) {
        List<Prediction> out = new ArrayList<>(texts.size());
        for (int from = 0; from < texts.size(); from += BATCH) {
            List<String> batch = texts.subList(from, Math.min(texts.size(), from + BATCH));
            out.addAll(classifier.classifyAll(batch));
            advance(batch.size());
        }
        return out;
    }

    /** Counts {@code n} more sentences done and redraws the line if it is due (or blank). */
    void advance(long n) {
        if (err == null) {
            return;
        }
        done += n;
        long now = nanoClock.getAsLong();
        if (shown == 0 || now - lastDraw >= REDRAW_NANOS || done == total) {
            lastDraw = now;
            draw(line(now));
        }
    }

    /** Blanks the line (before results go to a stdout that may share the terminal). */
    void clear() {
        if (err != null && shown > 0) {
            err.print("\r" + " ".repeat(shown) + "\r");
            err.flush();
            shown = 0;
        }
    }

    /** Blanks the line: the work is done. */
    @Override
    public void close() {
        clear();
    }

    /** The text of the line at time {@code now}. */
    String line(long now) {
        double seconds = (now - started) / 1e9;
        StringBuilder sb = new StringBuilder(prefix).append(": ");
        sb.append(String.format(Locale.ROOT, total >= 0 ? "%,d/%,d sentences" : "%,d sentences", done, total));
        if (total > 0) {
            sb.append(String.format(Locale.ROOT, "  %d%%", done * 100 / total));
        }
        if (seconds > 0 && done > 0) {
            double rate = done / seconds;
            sb.append(String.format(Locale.ROOT, "  %,.0f/s  elapsed %s", rate, duration(seconds)));
            if (total >= done) {
                sb.append("  ETA ").append(duration((total - done) / rate));
            }
        }
        return sb.toString();
    }

    private void draw(String line) {
        // Pad with blanks so a shorter line fully covers the previous one.
        err.print("\r" + line + " ".repeat(Math.max(0, shown - line.length())));
        err.flush();
        shown = line.length();
    }

    /** {@code 42s} or {@code 3m07s}. */
    static String duration(double seconds) {
        long s = Math.round(seconds);
        return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
    }

    /**
     * Whether this process's stderr is a terminal. Java 17 has no isatty for stderr, and
     * {@code System.console()} looks at stdin and stdout (null whenever input is piped), so on Linux
     * this reads where file descriptor 2 points; elsewhere it falls back to {@code System.console()}.
     */
    static boolean stderrIsTerminal() {
        Path fd = Path.of("/proc/self/fd/2");
        try {
            String target = Files.readSymbolicLink(fd).toString();
            return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            return System.console() != null;
        }
    }
}
