/**
 * The side-by-side benchmark (issue 5): our two bundled models against OpenNLP's document
 * categorizer and fastText, on the same data and machine, in one run. Compiled with the tests
 * (never into the library jar) and run by {@code bench/run.sh}; {@link dev.stance.bench.Bench}
 * is the entry point and writes {@code bench/RESULTS.md}.
 */
package dev.stance.bench;
