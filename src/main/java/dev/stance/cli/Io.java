package dev.stance.cli;

import java.io.InputStream;
import java.io.PrintStream;

/**
 * The streams a command talks to: results on {@code out}, progress and errors on {@code err}.
 *
 * @param in            standard input
 * @param out           results only
 * @param err           progress, warnings and errors
 * @param errIsTerminal whether {@code err} is a terminal a person watches (then long work shows a
 *                      progress line there; never when it is piped or redirected)
 */
record Io(InputStream in, PrintStream out, PrintStream err, boolean errIsTerminal) {

    /** Streams that are not a terminal: no progress line. */
    Io(InputStream in, PrintStream out, PrintStream err) {
        this(in, out, err, false);
    }
}
