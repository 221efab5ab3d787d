/**
 * The command line ({@code java -jar stance.jar <command>}): argument parsing, exit codes and
 * printing. Results go to stdout (JSON or text), progress and errors to stderr; a usage or input
 * error prints one {@code error: ...} line and exits with 2. Nothing depends on this package.
 */
package dev.stance.cli;
