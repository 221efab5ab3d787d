package dev.stance;

/**
 * The models bundled in the jar. Both label the same five stances; they trade accuracy on real
 * statements for speed and memory (measured in {@code bench/RESULTS.md}).
 */
public enum Variant {
    /**
     * The default: a sentence encoder (bge-small, run on ONNX Runtime) whose top layers were trained
     * on stance labels. Most accurate on real statements.
     */
    ACCURATE("stance.zip"),
    /** Lexical features only, run in plain Java: far faster and smaller, less accurate on unseen phrasing. */
    FAST("stance-fast.zip");

    private final String fileName;

    Variant(String fileName) {
        this.fileName = fileName;
    }

    /** File name of the model under {@code models/} in the source tree. */
    public String fileName() {
        return fileName;
    }
}
