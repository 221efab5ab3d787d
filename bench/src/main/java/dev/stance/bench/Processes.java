package dev.stance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs other programs and times them end to end: wall-clock time from before the start to after
 * the exit, and peak resident memory from GNU time ({@code /usr/bin/time}), when it is installed.
 */
final class Processes {

    static final Path GNU_TIME = Path.of("/usr/bin/time");

    /**
     * One timed run.
     *
     * @param seconds  wall-clock seconds, process start to exit
     * @param maxRssKb peak resident set size in KiB, or -1 when GNU time is missing
     */
    record Run(double seconds, long maxRssKb) {
    }

    private Processes() {
    }

    /**
     * Runs {@code command} with standard input from {@code stdin} (or nothing) and standard output
     * discarded; standard error goes to {@code log}.
     *
     * @throws IOException naming the command and the log when it exits with a non-zero code
     */
    static Run timed(List<String> command, Path stdin, Path log) throws IOException, InterruptedException {
        return parallel(List.of(command), stdin == null ? null : List.of(stdin), log);
    }

    /**
     * Runs the commands at the same time, command {@code i} reading {@code stdins.get(i)}; the
     * time is until the last one exits and the memory is the largest peak among them.
     */
    static Run parallel(List<List<String>> commands, List<Path> stdins, Path log)
            throws IOException, InterruptedException {
        boolean gnuTime = Files.isExecutable(GNU_TIME);
        List<Process> processes = new ArrayList<>();
        List<Path> rssFiles = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < commands.size(); i++) {
            List<String> command = new ArrayList<>();
            if (gnuTime) {
                Path rss = Files.createTempFile("bench-rss", ".txt");
                rssFiles.add(rss);
                command.addAll(List.of(GNU_TIME.toString(), "-f", "%M", "-o", rss.toString()));
            }
            command.addAll(commands.get(i));
            ProcessBuilder pb = new ProcessBuilder(command)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()));
            pb.redirectInput(stdins == null ? ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())
                    : ProcessBuilder.Redirect.from(stdins.get(i).toFile()));
            processes.add(pb.start());
        }
        for (int i = 0; i < processes.size(); i++) {
            int code = processes.get(i).waitFor();
            if (code != 0) {
                throw new IOException("exit code " + code + " from " + String.join(" ", commands.get(i))
                        + " (see " + log + ")");
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long rss = -1;
        for (Path file : rssFiles) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            rss = Math.max(rss, Long.parseLong(lines.get(lines.size() - 1).trim()));
            Files.delete(file);
        }
        return new Run(seconds, rss);
    }

    /** The first line a short command prints, or {@code fallback} when it cannot run. */
    static String firstLine(String fallback, String... command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.waitFor() == 0 && !out.isEmpty() ? out.lines().findFirst().orElse(fallback) : fallback;
        } catch (IOException e) {
            return fallback;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fallback;
        }
    }
}
