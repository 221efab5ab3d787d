package dev.stance.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.stance.eval.ReportRenderer;
import dev.stance.train.StanceTrainer;
import dev.stance.train.TrainingConfig;
import dev.stance.train.TrainingData;
import dev.stance.train.TrainingListener;
import dev.stance.train.TrainingResult;

/** {@code train}: retrain a model from a data directory and save it atomically. */
final class TrainCommand implements Command {

    @Override
    public String name() {
        return "train";
    }

    @Override
    public String summary() {
        return "train a model on train.tsv/dev.tsv/test.tsv and save it";
    }

    @Override
    public String help() {
        return String.join(System.lineSeparator(),
                "usage: stance train --data DIR --out PATH [--variant NAME] [--epochs N] [--seed N]",
                "",
                "Trains on DIR/train.tsv, keeps the epoch that does best on DIR/dev.tsv, calibrates on",
                "dev, and prints the evaluation on DIR/test.tsv. Progress goes to stderr. The model is",
                "written to PATH only when training succeeds, atomically: an existing file is replaced",
                "whole or not at all.",
                "",
                "  --data DIR       directory with train.tsv, dev.tsv and test.tsv (required)",
                "  --out PATH       model file to write (required)",
                "  --variant NAME   lexical (fast), encoder, or combined (default: lexical)",
                "  --epochs N       passes over the training data, or 'default' for the variant's",
                "  --seed N         random seed (default 42); same seed and data, same model");
    }

    @Override
    public int run(List<String> argv, Io io) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("data", "out", "variant", "epochs", "seed"), Set.of());
        if (!args.positional().isEmpty()) {
            throw new UsageException(name() + ": unexpected argument " + args.positional().get(0));
        }
        Path data = Path.of(args.require(name(), "data"));
        Path out = Path.of(args.require(name(), "out"));
        TrainingConfig config;
        try {
            config = TrainingConfig.preset(args.has("variant") ? args.get("variant") : "lexical");
        } catch (IllegalArgumentException e) {
            throw new UsageException(name() + ": " + e.getMessage());
        }
        if (args.has("epochs") && !args.get("epochs").equals("default")) {
            config = config.withEpochs((int) args.integer(name(), "epochs", config.epochs(), 1));
        }
        if (args.has("seed") && !args.get("seed").equals("default")) {
            config = config.withSeed(args.integer(name(), "seed", config.seed(), Long.MIN_VALUE));
        }
        TrainingData corpus = TrainingData.read(data);
        io.err().printf(Locale.ROOT, "training %s model on %d sentences (dev %d, test %d), %d epochs, seed %d%n",
                config.name(), corpus.train().size(), corpus.dev().size(), corpus.test().size(), config.epochs(),
                config.seed());
        TrainingResult result = new StanceTrainer(config, new ProgressPrinter(io)).train(corpus);
        result.model().save(out);
        io.err().println("wrote " + out);
        io.out().println("Evaluation on the test split (" + data.resolve(TrainingData.TEST_FILE) + "):");
        io.out().print(ReportRenderer.toText(result.test()));
        return 0;
    }

    /** Prints one line per epoch to stderr. */
    private record ProgressPrinter(Io io) implements TrainingListener {
        @Override
        public void onPhase(String description) {
            io.err().println(description + " ...");
        }

        @Override
        public void onEpoch(EpochReport r) {
            io.err().printf(Locale.ROOT, "epoch %3d/%d  loss %.4f  dev macro-F1 %.4f%s  elapsed %s  ETA %s%n",
                    r.epoch(), r.epochs(), r.loss(), r.devMacroF1(), r.best() ? " *" : "  ",
                    duration(r.elapsedSeconds()), duration(r.etaSeconds()));
        }

        private static String duration(double seconds) {
            long s = Math.round(seconds);
            return s >= 60 ? (s / 60) + "m" + String.format(Locale.ROOT, "%02d", s % 60) + "s" : s + "s";
        }
    }
}
