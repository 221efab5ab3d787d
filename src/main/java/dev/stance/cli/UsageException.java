package dev.stance.cli;

/** A mistake in how the command was called or in what it was given; exit code 2. */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
