package dev.stance.train;

import java.io.IOException;
import java.util.List;

/**
 * Labelled data that cannot be used. The message lists every problem found (up to a limit), one
 * per line, each naming the file and line: {@code train.tsv:57: unknown label "DENY" (expected one of ...)}.
 */
public class DataFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    /** Problems listed in one message at most; the rest are counted. */
    static final int MAX_LISTED = 20;

    private final List<String> problems;

    /** @param problems every problem found, each starting with {@code file:line: } where there is one */
    public DataFormatException(List<String> problems) {
        super(format(problems));
        this.problems = List.copyOf(problems);
    }

    /** @param problem the one problem found */
    public DataFormatException(String problem) {
        this(List.of(problem));
    }

    /** Every problem, one message each. */
    public List<String> problems() {
        return problems;
    }

    private static String format(List<String> problems) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(MAX_LISTED, problems.size()); i++) {
            if (i > 0) {
                sb.append(System.lineSeparator());
            }
            sb.append(problems.get(i));
        }
        if (problems.size() > MAX_LISTED) {
            sb.append(System.lineSeparator()).append("... and ").append(problems.size() - MAX_LISTED).append(" more problems");
        }
        return sb.toString();
    }
}
