package dev.stance;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Starts a separate JVM on the test classpath, for tests that need a small heap or a kill. */
public final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * A process running {@code mainClass} with the given JVM options and arguments. Its stdin and
     * stdout are pipes; its stderr goes to {@code stderr} (a file), or is discarded when null, so
     * that a chatty child never blocks on a full pipe.
     */
    public static Process start(List<String> jvmOptions, Path stderr, String mainClass, String... args)
            throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectError(stderr == null ? ProcessBuilder.Redirect.DISCARD : ProcessBuilder.Redirect.to(stderr.toFile()))
                .start();
    }
}
