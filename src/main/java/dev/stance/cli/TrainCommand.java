package dev.stance.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

import dev.stance.LabelledSentence;
import dev.stance.eval.Evaluation;
import dev.stance.eval.ReportRenderer;
import dev.stance.eval.StanceEvaluator;
import dev.stance.model.StanceModel;
import dev.stance.train.LabelledTsv;
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
                "usage: stance train --data DIR --out PATH [--variant NAME] [--epochs N] [--seed N] [--tune-layers N]",
                "                   [--report FILE] [--measure PATHS]",
                "",
                "Trains on DIR/train.tsv, keeps the epoch that does best on DIR/dev.tsv, calibrates on",
                "dev, and prints the evaluation on DIR/test.tsv. Progress goes to stderr. The model is",
                "written to PATH only when training succeeds, atomically: an existing file is replaced",
                "whole or not at all. The test-split evaluation is also written as a self-contained HTML",
                "page beside the model (models/stance.zip -> models/stance.report.html).",
                "",
                "  --data DIR       directory with train.tsv, dev.tsv and test.tsv (required)",
                "  --out PATH       model file to write (required)",
                "  --variant NAME   encoder (the default model), lexical (the fast one) or combined",
                "  --epochs N       passes over the training data, or 'default' for the variant's",
                "  --seed N         random seed (default 42); same seed and data, same model",
                "  --tune-layers N  train the encoder's top N layers on the labels first (encoder variant:",
                "                   4 by default, about 3 minutes per epoch per 8,200 sentences and up",
                "                   to 5.4 GB of memory); 0 keeps the encoder as pretrained (a minute)",
                "  --report FILE    where to write the HTML report instead, 'default' for beside the model,",
                "                   or 'none' for no report",
                "  --measure PATHS  labelled TSV files or directories of them (comma-separated), or 'none':",
                "                   measured with the trained model and recorded in its metadata; never",
                "                   used for training, selection or calibration, and refused if one",
                "                   of its sentences is in train.tsv or dev.tsv");
    }

    @Override
    public int run(List<String> argv, Io io) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("data", "out", "variant", "epochs", "seed", "tune-layers", "measure",
                        ReportOption.NAME),
                Set.of());
        if (!args.positional().isEmpty()) {
            throw new UsageException(name() + ": unexpected argument " + args.positional().get(0));
        }
        Path data = Path.of(args.require(name(), "data"));
        Path out = Path.of(args.require(name(), "out"));
        Path report = ReportOption.file(name(), args, besideModel(out));
        TrainingConfig config;
        try {
            config = TrainingConfig.preset(args.has("variant") ? args.get("variant") : "encoder");
        } catch (IllegalArgumentException e) {
            throw new UsageException(name() + ": " + e.getMessage());
        }
        if (args.has("epochs") && !args.get("epochs").equals("default")) {
            config = config.withEpochs((int) args.integer(name(), "epochs", config.epochs(), 1));
        }
        if (args.has("seed") && !args.get("seed").equals("default")) {
            config = config.withSeed(args.integer(name(), "seed", config.seed(), Long.MIN_VALUE));
        }
        if (args.has("tune-layers") && !args.get("tune-layers").equals("default")) {
            config = withTunedLayers(config, (int) args.integer(name(), "tune-layers", 0, 0));
        }
        // Read before training, so that a bad file fails in seconds rather than after the epochs.
        Map<Path, List<LabelledSentence>> measured = new LinkedHashMap<>();
        for (Path file : measureFiles(args.get("measure"))) {
            measured.put(file, LabelledTsv.read(file));
        }
        TrainingData corpus = TrainingData.read(data);
        for (List<LabelledSentence> sentences : measured.values()) {
            corpus.checkUnseen(sentences);
        }
        io.err().printf(Locale.ROOT, "training %s model on %d sentences (dev %d, test %d), %d epochs, seed %d%n",
                config.name(), corpus.train().size(), corpus.dev().size(), corpus.test().size(), config.epochs(),
                config.seed());
        TrainingResult result = new StanceTrainer(config, new ProgressPrinter(io)).train(corpus);
        StanceModel model = result.model();
        for (Map.Entry<Path, List<LabelledSentence>> entry : measured.entrySet()) {
            Path file = entry.getKey();
            List<LabelledSentence> sentences = entry.getValue();
            Evaluation e = StanceEvaluator.evaluate(sentences,
                    model.classifier().classifyAll(sentences.stream().map(LabelledSentence::text).toList()));
            io.err().printf(Locale.ROOT, "measured on %s: macro-F1 %.4f (n=%d)%n", file, e.macroF1(), e.n());
            model = model.withMetric("measured:" + file.getFileName(), ReportRenderer.summary(e));
        }
        model.save(out);
        io.err().println("wrote " + out);
        Path testFile = data.resolve(TrainingData.TEST_FILE);
        io.out().println("Evaluation on the test split (" + testFile + "):");
        io.out().print(ReportRenderer.toText(result.test()));
        io.out().flush();
        if (report != null) {
            ReportOption.write(name(), report, result.test(), model, out.toString(), testFile);
            io.err().println("wrote report " + report);
        }
        return 0;
    }

    /** The config with {@code layers} encoder layers tuned (0: none), keeping the preset's tuning schedule. */
    private TrainingConfig withTunedLayers(TrainingConfig config, int layers) throws UsageException {
        if (layers == 0) {
            return config.withTuning(null);
        }
        if (config.encoder() == null) {
            throw new UsageException(name() + ": --tune-layers needs a variant with an encoder (encoder or combined)");
        }
        TrainingConfig.EncoderTuning preset = TrainingConfig.encoderDefaults().tuning();
        TrainingConfig.EncoderTuning base = config.tuning() == null ? preset : config.tuning();
        return config.withTuning(new TrainingConfig.EncoderTuning(layers, base.epochs(), base.learningRate()));
    }

    /** The TSV files named by {@code --measure}: files as given, directories by their *.tsv, sorted. */
    private List<Path> measureFiles(String option) throws UsageException, IOException {
        List<Path> files = new ArrayList<>();
        if (option == null || option.equals("none")) {
            return files;
        }
        for (String part : option.split(",")) {
            Path path = Path.of(part.trim());
            if (Files.isDirectory(path)) {
                try (var list = Files.list(path)) {
                    files.addAll(list.filter(p -> p.toString().endsWith(".tsv")).sorted().toList());
                }
            } else if (Files.isRegularFile(path)) {
                files.add(path);
            } else {
                throw new UsageException(name() + ": --measure " + path + ": no such file or directory");
            }
        }
        return files;
    }

    /** {@code models/stance.zip -> models/stance.report.html}: the default place of the report. */
    static Path besideModel(Path model) {
        String name = model.getFileName().toString();
        String stem = name.endsWith(".zip") ? name.substring(0, name.length() - ".zip".length()) : name;
        return model.resolveSibling(stem + ".report.html");
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
                    Progress.duration(r.elapsedSeconds()), Progress.duration(r.etaSeconds()));
        }
    }
}
