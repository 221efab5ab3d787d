package dev.stance.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a command talks to: results on {@code out}, progress and errors on {@code err}.
 *
 * @param in  standard input
 * @param out results only
 * @param err progress, warnings and errors
 */
record Io(InputStream in, PrintStream out, PrintStream err) {
}
