package dev.stance.bench;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Settings of one benchmark run; see {@link #USAGE}.
 *
 * @param data             folder with our {@code train.tsv} and {@code test.tsv}
 * @param evalDir          folder of extra evaluation sets ({@code *.tsv}), measured only; may be missing
 * @param models           folder with {@code stance.zip} and {@code stance-fast.zip}
 * @param jar              {@code target/stance.jar} for the command-line figures
 * @param work             scratch folder for inputs and baseline models
 * @param out              the report to write
 * @param sentences        throughput input size (cycled test+train sentences)
 * @param slowSentences    the same for models with a sentence encoder
 * @param latencyCalls     single calls timed per system (after as many warm-up calls)
 * @param slowLatencyCalls the same for models with a sentence encoder
 * @param repeats          timed passes per throughput figure (the median counts)
 * @param threads          threads (and processes) of the all-cores figures
 * @param fastText         the fastText binary, or empty to leave fastText out
 * @param processes        whether to run the command-line measurements (child processes)
 * @param retrain          whether to retrain our models (command line {@code train}) to time their training;
 *                         off by default: minutes per model, much longer on a busy machine
 * @param variants         whether to train the three model variants (lexical, encoder, combined) in this run
 *                         and measure them side by side; minutes each
 * @param curve            whether to train the lexical and pretrained-encoder variants on growing shares of
 *                         our training split ({@link LearningCurve}); 30 models, about 17 minutes on 2 cores
 * @param analysis         the team's written analysis, included in the report when the file exists
 * @param agreement        folder of second annotators' labels ({@code SET.second.tsv}, see {@link SecondAnnotator})
 * @param commit           the source version to print in the report
 * @param command          the command line to print in the report
 */
record Options(Path data, Path evalDir, Path models, Path jar, Path work, Path out, int sentences, int slowSentences,
               int latencyCalls, int slowLatencyCalls, int repeats, int threads, String fastText, boolean processes,
               boolean retrain, boolean variants, boolean curve, Path analysis, Path agreement, String commit, String command) {

    static final String USAGE = String.join(System.lineSeparator(),
            "usage: Bench [--data DIR] [--eval DIR] [--models DIR] [--jar FILE] [--work DIR] [--out FILE] [--analysis FILE]",
            "             [--agreement DIR]",
            "             [--sentences N] [--slow-sentences N] [--latency-calls N] [--slow-latency-calls N]",
            "             [--repeats N] [--threads N] [--fasttext BIN|''] [--no-processes] [--retrain]",
            "             [--variants] [--curve]",
            "             [--commit ID] [--command TEXT]");

    private static final Set<String> FLAGS = Set.of("no-processes", "retrain", "variants", "curve");
    private static final List<String> VALUED = List.of("data", "eval", "models", "jar", "work", "out", "analysis", "agreement", "sentences",
            "slow-sentences", "latency-calls", "slow-latency-calls", "repeats", "threads", "fasttext", "commit", "command");

    /**
     * Parses {@code --name value} pairs and flags.
     *
     * @throws IllegalArgumentException naming the bad option or value
     */
    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String name = args[i].startsWith("--") ? args[i].substring(2) : null;
            if (name != null && FLAGS.contains(name)) {
                values.put(name, "true");
            } else if (name != null && VALUED.contains(name) && i + 1 < args.length) {
                values.put(name, args[++i]);
            } else {
                throw new IllegalArgumentException("unknown or incomplete option " + args[i]);
            }
        }
        return new Options(
                Path.of(values.getOrDefault("data", "training-data")),
                Path.of(values.getOrDefault("eval", "../shared/eval")),
                Path.of(values.getOrDefault("models", "models")),
                Path.of(values.getOrDefault("jar", "target/stance.jar")),
                Path.of(values.getOrDefault("work", "bench/work")),
                Path.of(values.getOrDefault("out", "bench/RESULTS.md")),
                positive(values, "sentences", 1_000_000),
                positive(values, "slow-sentences", 5_000),
                positive(values, "latency-calls", 20_000),
                positive(values, "slow-latency-calls", 300),
                positive(values, "repeats", 3),
                positive(values, "threads", Runtime.getRuntime().availableProcessors()),
                values.getOrDefault("fasttext", "fasttext"),
                !values.containsKey("no-processes"),
                values.containsKey("retrain") && !values.containsKey("no-processes"),
                values.containsKey("variants") && !values.containsKey("no-processes"),
                values.containsKey("curve") && !values.containsKey("no-processes"),
                Path.of(values.getOrDefault("analysis", "bench/ANALYSIS.md")),
                Path.of(values.getOrDefault("agreement", "bench/agreement")),
                values.getOrDefault("commit", "unknown"),
                values.getOrDefault("command", "bench/run.sh"));
    }

    private static int positive(Map<String, String> values, String name, int fallback) {
        String v = values.get(name);
        if (v == null) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(v.replace("_", ""));
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--" + name + " must be a positive whole number, got \"" + v + "\"");
    }
}
