package dev.stance.cli;

import java.util.List;

/** One sub-command of the command line. */
interface Command {

    /** The word that selects it ({@code classify}, ...). */
    String name();

    /** One line for the overview. */
    String summary();

    /** The full {@code --help} text. */
    String help();

    /**
     * Runs the command.
     *
     * @return the exit code: 0 success, 1 some input lines failed, 2 usage or input error
     * @throws UsageException for a usage or input mistake (printed as {@code error: ...}, exit 2)
     */
    int run(List<String> args, Io io) throws Exception;
}
