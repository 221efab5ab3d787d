package dev.stance.model;

import java.io.IOException;

/**
 * A model file that cannot be used: missing parts, truncated, not a stance model, written by a
 * newer format version, or needing features this library cannot compute. The message names the
 * file and what is wrong with it.
 */
public class ModelFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** @param message names the file and what is wrong with it */
    public ModelFormatException(String message) {
        super(message);
    }

    /**
     * @param message names the file and what is wrong with it
     * @param cause   the lower-level failure (a truncated file, invalid JSON)
     */
    public ModelFormatException(String message, Throwable cause) {
        super(message, cause);
    }
}
