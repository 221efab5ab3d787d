package dev.stance.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import dev.stance.train.DataFormatException;

/**
 * Entry point of {@code java -jar stance.jar}. Exit codes: 0 success, 1 internal failure or some
 * input lines failed, 2 usage or input error (one {@code error: ...} line on stderr).
 */
public final class Main {

    static final List<Command> COMMANDS = List.of(
            new ClassifyCommand(), new AnalyzeCommand(), new EvaluateCommand(), new TrainCommand(),
            new SparkLabelCommand());

    private Main() {
    }

    /** Runs one command and exits with its code: 0 on success, 2 on a usage or input error, 1 on an internal failure. */
    public static void main(String[] args) {
        quietLogging();
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true,
                StandardCharsets.UTF_8);
        int code = run(args, new Io(System.in, out, err, Progress.stderrIsTerminal()));
        out.flush();
        System.exit(code);
    }

    /** Runs one command line with the given streams; returns the exit code. Never calls System.exit. */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        return run(args, new Io(in, out, err));
    }

    static int run(String[] args, Io io) {
        PrintStream out = io.out();
        PrintStream err = io.err();
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("-h") || args[0].equals("help")) {
            (args.length == 0 ? err : out).println(overview());
            return args.length == 0 ? 2 : 0;
        }
        Command command = COMMANDS.stream().filter(c -> c.name().equals(args[0])).findFirst().orElse(null);
        if (command == null) {
            err.println("error: unknown command \"" + args[0] + "\" (expected one of "
                    + String.join(", ", COMMANDS.stream().map(Command::name).toList()) + "; see --help)");
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            out.println(command.help());
            return 0;
        }
        try {
            int code = command.run(rest, io);
            out.flush();
            return code;
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            return 2;
        } catch (DataFormatException e) {
            err.println("error: " + oneLine(e));
            return 2;
        } catch (IllegalArgumentException | IOException e) {
            err.println("error: " + command.name() + ": " + e.getMessage());
            return 2;
        } catch (Exception | OutOfMemoryError e) {
            // Not the user's mistake: the trace is what a bug report needs.
            err.println("error: internal failure in " + command.name() + ": " + e);
            e.printStackTrace(err);
            return 1;
        }
    }

    /** All problems in one line: the first in full, the others by location. */
    private static String oneLine(DataFormatException e) {
        List<String> problems = e.problems();
        if (problems.size() == 1) {
            return problems.get(0);
        }
        List<String> others = problems.subList(1, problems.size()).stream()
                .map(p -> p.contains(": ") ? p.substring(0, p.indexOf(": ")) : p).toList();
        return problems.get(0) + " (and " + others.size() + " more: " + String.join(", ",
                others.subList(0, Math.min(others.size(), 10))) + (others.size() > 10 ? ", ..." : "") + ")";
    }

    private static String overview() {
        StringBuilder sb = new StringBuilder("usage: stance <command> [options]   (stance <command> --help for more)\n\n");
        for (Command c : COMMANDS) {
            sb.append(String.format("  %-12s %s%n", c.name(), c.summary()));
        }
        sb.append("\nLabels: DENIAL, ACCUSATION, CONDEMNATION, CALL_FOR_NEGOTIATION, NONE.");
        return sb.toString();
    }

    /** Library and DL4J logging: warnings and errors only, to stderr, unless the user configured otherwise. */
    static void quietLogging() {
        setIfAbsent("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        setIfAbsent("org.slf4j.simpleLogger.logFile", "System.err");
        // DJL's tokenizer warns on every start that it found no GPU: noise for a CPU library.
        setIfAbsent("org.slf4j.simpleLogger.log.ai.djl", "error");
        // SameDiff (encoder tuning) warns about its own TensorFlow op mappings and loss fields.
        setIfAbsent("org.slf4j.simpleLogger.log.org.nd4j.imports.converters", "error");
        setIfAbsent("org.slf4j.simpleLogger.log.org.nd4j.autodiff.functions", "error");
    }

    private static void setIfAbsent(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
