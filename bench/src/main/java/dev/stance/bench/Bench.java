package dev.stance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import dev.stance.LabelledSentence;
import dev.stance.Prediction;
import dev.stance.Variant;
import dev.stance.eval.StanceEvaluator;
import dev.stance.features.LexicalFeaturizer;
import dev.stance.model.StanceModel;
import dev.stance.text.Tokenizer;
import dev.stance.train.LabelledTsv;
import dev.stance.train.TrainingData;
import opennlp.tools.doccat.DoccatModel;

/**
 * The benchmark: trains the baselines, measures every system and writes the report. Run by
 * {@code bench/run.sh}; {@code --help} lists the options. Progress goes to standard error.
 */
public final class Bench {

    /** Packages that the FAST path must never load: the training and encoder runtimes. */
    static final List<String> HEAVY_PACKAGES = List.of("org.nd4j.", "org.deeplearning4j.", "org.bytedeco.",
            "ai.onnxruntime.", "ai.djl.");

    private static final String SAMPLE = "We firmly reject these baseless allegations.";

    private final Options options;
    private final Map<String, List<LabelledSentence>> sets = new LinkedHashMap<>();
    /** Parts of the evaluation sets (by source, strict, agreed by a second annotator), measured from the same predictions. */
    private final Map<String, List<Parts>> parts = new LinkedHashMap<>();
    /** Second annotators' labels of the evaluation sets that have them. */
    private final Map<String, SecondAnnotator> annotators = new LinkedHashMap<>();
    private final List<LabelledSentence> train;
    private final List<String> sentences = new ArrayList<>();
    private final Map<String, Path> inputFiles = new HashMap<>();
    private final Path log;
    private final Path javaBin = Path.of(System.getProperty("java.home"), "bin", "java");
    private final Report report;

    private Bench(Options options) throws IOException {
        this.options = options;
        Files.createDirectories(options.work());
        log = options.work().resolve("bench.log");
        Files.deleteIfExists(log);
        TrainingData corpus = TrainingData.read(options.data());
        train = corpus.train();
        sets.put("test", corpus.test());
        if (Files.isDirectory(options.evalDir())) {
            try (Stream<Path> files = Files.list(options.evalDir())) {
                for (Path f : files.filter(p -> p.toString().endsWith(".tsv")).sorted().toList()) {
                    String name = f.getFileName().toString().replaceFirst("\\.tsv$", "");
                    sets.put(name, LabelledTsv.read(f));
                    corpus.checkUnseen(sets.get(name));
                    List<Parts> setParts = new ArrayList<>(Parts.of(name, f, sets.get(name)));
                    Optional<SecondAnnotator> second = SecondAnnotator.of(name, f, sets.get(name), options.agreement());
                    if (second.isPresent()) {
                        annotators.put(name, second.get());
                        setParts.add(second.get().agreed(name, sets.get(name)));
                    }
                    parts.put(name, setParts);
                }
            }
        }
        sets.get("test").forEach(s -> sentences.add(s.text()));
        train.forEach(s -> sentences.add(s.text()));
        report = new Report(options, sets, parts, annotators, train.size());
    }

    public static void main(String[] args) throws Exception {
        if (List.of(args).contains("--help")) {
            System.out.println(Options.USAGE);
            return;
        }
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        }
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        System.err.println("wrote " + run(options));
    }

    /** Runs every measurement the options ask for and writes the report; returns its path. */
    static Path run(Options options) throws Exception {
        return new Bench(options).measureAll();
    }

    private Path measureAll() throws Exception {
        long start = System.nanoTime();
        List<SystemResult> results = new ArrayList<>();
        results.add(ours(Variant.FAST));
        results.add(ours(Variant.ACCURATE));
        if (options.variants() && Files.exists(options.jar())) {
            for (String name : List.of("lexical", "encoder", "combined")) {
                results.add(trainedVariant(name));
            }
        }
        if (options.curve() && Files.exists(options.jar())) {
            report.curve = learningCurve();
        }
        results.add(doccat());
        if (!options.fastText().isEmpty()) {
            results.add(fastText());
            results.add(fastTextMoreEpochs());
        }
        report.elapsedSeconds = (System.nanoTime() - start) / 1e9;
        Files.createDirectories(options.out().toAbsolutePath().getParent());
        Files.writeString(options.out(), report.render(results), StandardCharsets.UTF_8);
        return options.out();
    }

    private SystemResult ours(Variant variant) throws Exception {
        SystemResult r = new SystemResult("stance " + variant + " (" + variant.fileName() + ")");
        progress(r.name);
        Path file = options.models().resolve(variant.fileName());
        r.modelBytes = Files.size(file);
        StanceModel model = StanceModel.load(file);
        boolean slow = model.metadata().architecture().encoder() != null;
        if (options.retrain() && Files.exists(options.jar())) {
            retrain(r, model, variant);
        } else {
            r.trainSeconds = model.metadata().provenance().trainingSeconds();
            r.trainRecorded = true;
        }
        List<String> input = input(slow);
        StanceContender c = measureInProcess(r, file, model, input);
        if (variant == Variant.FAST) {
            List<String> sample = input.subList(0, Math.min(input.size(), 300_000));
            report.profile = Measure.profile(() -> c.classifyAll(sample), options.work().resolve("fast-profile.jfr"), 15);
            report.phases = phases(model, c, sample);
        }
        if (options.processes() && Files.exists(options.jar())) {
            // --model FILE rather than --fast: the same file as in-process, also with --models DIR.
            commandLine(r, List.of(javaBin.toString(), "-jar", options.jar().toString(), "classify", "--model",
                    file.toString()), input.size(), false);
            if (variant == Variant.FAST) {
                smallJvm(file, input.size());
            }
        } else if (options.processes()) {
            r.notes.add("no " + options.jar() + ": command-line figures not measured (run mvn package first)");
        }
        return r;
    }

    /**
     * Accuracy, load time and in-process throughput of one of our model files; returns the contender
     * for further measurements.
     */
    private StanceContender measureInProcess(SystemResult r, Path file, StanceModel model, List<String> input)
            throws Exception {
        boolean slow = model.metadata().architecture().encoder() != null;
        r.loadSeconds = medianSeconds(() -> StanceModel.load(file).classifier());
        if (slow) {
            r.notes.add("has a sentence encoder: timed on " + options.slowSentences() + " sentences and "
                    + options.slowLatencyCalls() + " latency calls; its model load leaves out opening the ONNX"
                    + " session, which happens once per JVM and is shared (the cold start includes it)");
        }
        StanceContender c = new StanceContender(model.classifier());
        evaluate(r, c);
        inProcess(r, c, input, slow);
        return c;
    }

    /**
     * Trains one model variant with {@code java -jar stance.jar train --variant NAME} on our data in
     * this run (timed), then measures it in-process like the bundled models.
     */
    private SystemResult trainedVariant(String name) throws Exception {
        // The encoder variants are trained here on the pretrained encoder as it is (--tune-layers 0):
        // the bundled default, whose encoder layers were tuned, is measured above, and tuning costs
        // some twenty minutes more.
        SystemResult r = new SystemResult("variant " + name + (name.equals("lexical") ? "" : ", pretrained encoder")
                + " (trained in this run)");
        progress(r.name);
        Path out = options.work().resolve("variants").resolve(name + ".zip");
        r.trainSeconds = trainVariant(options.data(), out, name, null).seconds();
        r.modelBytes = Files.size(out);
        StanceModel model = StanceModel.load(out);
        measureInProcess(r, out, model, input(model.metadata().architecture().encoder() != null));
        return r;
    }

    /**
     * {@code java -jar stance.jar train --variant NAME --tune-layers 0} on one data folder, writing
     * {@code out} and its HTML report beside it; {@code seed} null keeps the variant's default seed.
     */
    private Processes.Run trainVariant(Path data, Path out, String name, Long seed) throws Exception {
        Files.createDirectories(out.getParent());
        Files.deleteIfExists(out);
        Path html = out.resolveSibling(out.getFileName().toString().replaceFirst("\\.zip$", "") + ".report.html");
        List<String> command = new ArrayList<>(List.of(javaBin.toString(), "-jar", options.jar().toString(), "train",
                "--data", data.toString(), "--out", out.toString(), "--variant", name,
                "--tune-layers", "0", "--report", html.toString()));
        if (seed != null) {
            command.addAll(List.of("--seed", seed.toString()));
        }
        return Processes.timed(command, null, log);
    }

    /** Trains and scores the variants of {@link LearningCurve} on each share of our training split, once per seed. */
    private List<LearningCurve.Point> learningCurve() throws Exception {
        List<LearningCurve.Point> points = new ArrayList<>();
        for (long seed : LearningCurve.SEEDS) {
            List<Path> dirs = LearningCurve.subsample(options.data(), options.work().resolve("curve"), seed);
            for (String variant : LearningCurve.VARIANTS) {
                for (int i = 0; i < dirs.size(); i++) {
                    double share = LearningCurve.SHARES.get(i);
                    progress(String.format(Locale.ROOT, "learning curve: %s on %.1f%% of train, seed %d",
                            variant, 100 * share, seed));
                    Path out = dirs.get(i).resolve(variant + ".zip");
                    trainVariant(dirs.get(i), out, variant, seed);
                    SystemResult r = new SystemResult(variant);
                    evaluate(r, new StanceContender(StanceModel.load(out).classifier()));
                    Map<String, Double> f1 = new LinkedHashMap<>();
                    r.evaluations.forEach((set, e) -> f1.put(set, e.macroF1()));
                    points.add(new LearningCurve.Point(variant, share,
                            LabelledTsv.read(dirs.get(i).resolve("train.tsv")).size(), seed, f1));
                }
            }
        }
        return points;
    }

    /**
     * Times {@code java -jar stance.jar train} with the variant, seed and epochs recorded in the
     * bundled model, and notes whether it reproduced the bundled weights bit for bit.
     */
    private void retrain(SystemResult r, StanceModel model, Variant variant) throws Exception {
        Path out = options.work().resolve("retrained-" + variant.fileName());
        Files.deleteIfExists(out);
        Object epochs = model.metadata().provenance().trainingConfig().get("epochs");
        Processes.Run run = Processes.timed(List.of(javaBin.toString(), "-jar", options.jar().toString(), "train",
                "--data", options.data().toString(), "--out", out.toString(), "--variant", model.metadata().name(),
                "--seed", Long.toString(model.metadata().provenance().seed()),
                "--epochs", epochs == null ? "default" : epochs.toString()), null, log);
        r.trainSeconds = run.seconds();
        boolean same = sameWeights(model, StanceModel.load(out));
        r.notes.add("training time measured in this run by `java -jar target/stance.jar train --variant "
                + model.metadata().name() + "` with the bundled model's seed and epochs (recorded when it was"
                + " built: " + String.format(Locale.ROOT, "%.0f s", model.metadata().provenance().trainingSeconds())
                + "); the retrained weights " + (same ? "equal the bundled ones bit for bit"
                : "differ from the bundled ones (other data or library version)"));
        Files.delete(out);
    }

    private static boolean sameWeights(StanceModel a, StanceModel b) {
        Map<String, dev.stance.model.NetworkParams.Matrix> x = a.params().matrices();
        Map<String, dev.stance.model.NetworkParams.Matrix> y = b.params().matrices();
        return x.keySet().equals(y.keySet()) && x.keySet().stream()
                .allMatch(k -> Arrays.equals(x.get(k).data(), y.get(k).data()));
    }

    private SystemResult doccat() throws Exception {
        SystemResult r = new SystemResult("OpenNLP doccat (maxent, BoW + bigrams)");
        progress(r.name);
        long start = System.nanoTime();
        DoccatModel model = DoccatContender.train(train);
        r.trainSeconds = (System.nanoTime() - start) / 1e9;
        Path file = options.work().resolve("doccat.bin");
        model.serialize(file);
        r.modelBytes = Files.size(file);
        r.loadSeconds = medianSeconds(() -> new DoccatModel(file));
        DoccatContender c = new DoccatContender(new DoccatModel(file));
        evaluate(r, c);
        inProcess(r, c, input(false), false);
        if (options.processes()) {
            commandLine(r, List.of(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                    DoccatCli.class.getName(), file.toString()), options.sentences(), false);
        }
        return r;
    }

    private SystemResult fastText() throws Exception {
        FastText ft = new FastText(options.fastText());
        SystemResult r = new SystemResult("fastText supervised (-wordNgrams 2)");
        progress(r.name);
        Processes.Run training = ft.train(fastTextTrainFile(), options.work().resolve("fasttext"), log);
        r.trainSeconds = training.seconds();
        Path model = options.work().resolve("fasttext.bin");
        r.modelBytes = Files.size(model);
        r.sentences = options.sentences();
        evaluate(r, ft, model);
        List<String> lines = sentences.stream().map(Baselines::line).toList();
        long[] latencies = ft.latencies(model, lines, options.latencyCalls(), options.latencyCalls());
        r.p50 = Measure.quantile(latencies, 0.50) / 1e3;
        r.p99 = Measure.quantile(latencies, 0.99) / 1e3;
        r.notes.add("fastText has no in-process figures here: its single-thread throughput is its command line"
                + " (predict-prob, all five labels); latency is one sentence per round trip through a pipe to a"
                + " running predict-prob; load time is its cold start on one sentence");
        if (options.processes()) {
            commandLine(r, ft.predictCommand(model), options.sentences(), true);
            r.loadSeconds = r.coldStartSeconds;
        }
        return r;
    }

    /**
     * fastText's defaults (5 epochs) underfit a corpus this small, so for a fair picture of its
     * accuracy it is also trained with 25 epochs, the usual advice for small data (chosen before
     * looking at any result, not tuned). Accuracy only: its speed is that of the default model.
     */
    private SystemResult fastTextMoreEpochs() throws Exception {
        FastText ft = new FastText(options.fastText());
        SystemResult r = new SystemResult("fastText supervised (-wordNgrams 2 -epoch 25), accuracy only");
        progress(r.name);
        Path prefix = options.work().resolve("fasttext-epoch25");
        r.trainSeconds = ft.train(fastTextTrainFile(), prefix, log, "-epoch", "25").seconds();
        Path model = options.work().resolve("fasttext-epoch25.bin");
        r.modelBytes = Files.size(model);
        evaluate(r, ft, model);
        Files.delete(model);
        return r;
    }

    private Path fastTextTrainFile() throws IOException {
        Path file = options.work().resolve("fasttext-train.txt");
        StringBuilder sb = new StringBuilder();
        for (LabelledSentence s : train) {
            sb.append("__label__").append(s.stance()).append(' ').append(Baselines.line(s.text())).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.UTF_8);
        return file;
    }

    private void evaluate(SystemResult r, FastText ft, Path model) throws IOException, InterruptedException {
        for (Map.Entry<String, List<LabelledSentence>> set : sets.entrySet()) {
            List<String> lines = set.getValue().stream().map(s -> Baselines.line(s.text())).toList();
            record(r, set.getKey(), ft.predict(model, lines));
        }
    }

    /** Macro-F1 and per-label F1 on every evaluation set. */
    private void evaluate(SystemResult r, Contender c) {
        for (Map.Entry<String, List<LabelledSentence>> set : sets.entrySet()) {
            record(r, set.getKey(), c.classifyAll(set.getValue().stream().map(LabelledSentence::text).toList()));
        }
    }

    /** Scores the predictions of one set, and of each of its parts. */
    private void record(SystemResult r, String set, List<Prediction> predictions) {
        List<LabelledSentence> gold = sets.get(set);
        r.evaluations.put(set, StanceEvaluator.evaluate(gold, predictions));
        for (Parts part : parts.getOrDefault(set, List.of())) {
            r.partEvaluations.put(part.name(), StanceEvaluator.evaluate(part.of(gold), part.of(predictions)));
        }
    }

    /** Nanoseconds per sentence of tokenizing, of featurizing (which tokenizes) and of the whole batched call. */
    private Map<String, Double> phases(StanceModel model, Contender c, List<String> sample) throws InterruptedException {
        Tokenizer tokenizer = new Tokenizer();
        int[] offsets = new int[2 * Tokenizer.MAX_TOKENS];
        LexicalFeaturizer featurizer = new LexicalFeaturizer(model.metadata().architecture().lexical());
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("tokenize (`Tokenizer`)", Measure.nanosPerSentence(s -> tokenizer.tokenize(s, offsets), sample, options.repeats()));
        out.put("featurize (`LexicalFeaturizer`, includes tokenizing)",
                Measure.nanosPerSentence(s -> featurizer.features(s).length, sample, options.repeats()));
        double whole = 1e9 / Measure.throughput(c, sample, 1, 0, options.repeats());
        out.put("whole `classifyAll` (featurize, network, calibration, `Prediction`)", whole);
        return out;
    }

    private void inProcess(SystemResult r, Contender c, List<String> input, boolean slow) throws InterruptedException {
        int warmup = Math.max(200, Math.min(100_000, input.size() / 10));
        r.sentences = input.size();
        r.inProcessOne = Measure.throughput(c, input, 1, warmup, options.repeats());
        r.inProcessAll = Measure.throughput(c, input, options.threads(), warmup, options.repeats());
        int calls = slow ? options.slowLatencyCalls() : options.latencyCalls();
        long[] latencies = Measure.latencies(c, sentences, slow ? Math.min(calls, 100) : calls, calls);
        r.p50 = Measure.quantile(latencies, 0.50) / 1e3;
        r.p99 = Measure.quantile(latencies, 0.99) / 1e3;
    }

    /**
     * End-to-end command-line figures: one process over the whole input, one process per thread
     * over a share each, and the cold start on one sentence (median of three).
     */
    private void commandLine(SystemResult r, List<String> command, int n, boolean normalized) throws Exception {
        Path input = inputFile(n, normalized, 0, 1);
        Processes.Run one = Processes.timed(command, input, log);
        r.cliOne = n / one.seconds();
        r.peakRssKb = one.maxRssKb();
        int k = options.threads();
        List<List<String>> commands = new ArrayList<>();
        List<Path> shards = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            commands.add(command);
            shards.add(inputFile(n, normalized, i, k));
        }
        r.cliAll = n / Processes.parallel(commands, shards, log).seconds();
        Path single = options.work().resolve(normalized ? "one-fasttext.txt" : "one.txt");
        Files.writeString(single, (normalized ? Baselines.line(SAMPLE) : SAMPLE) + "\n", StandardCharsets.UTF_8);
        double[] cold = new double[3];
        for (int i = 0; i < cold.length; i++) {
            cold[i] = Processes.timed(command, single, log).seconds();
        }
        r.coldStartSeconds = Measure.median(cold);
    }

    /** The FAST command line in a 64 MB heap: its peak RSS, and whether it loaded ND4J or ONNX. */
    private void smallJvm(Path model, int n) throws Exception {
        int count = Math.min(n, 100_000);
        Path classes = options.work().resolve("fast-classes.log");
        Processes.Run run = Processes.timed(List.of(javaBin.toString(), "-Xmx64m",
                "-Xlog:class+load=info:file=" + classes, "-jar", options.jar().toString(), "classify", "--model",
                model.toString()),
                inputFile(count, false, 0, 1), log);
        List<String> heavy = new ArrayList<>();
        for (String line : Files.readAllLines(classes, StandardCharsets.UTF_8)) {
            for (String p : HEAVY_PACKAGES) {
                if (line.contains(" " + p) && !heavy.contains(p)) {
                    heavy.add(p);
                }
            }
        }
        report.smallJvm = new Report.SmallJvm(count, run.maxRssKb(), heavy);
    }

    private List<String> input(boolean slow) {
        return cycle(slow ? options.slowSentences() : options.sentences());
    }

    private List<String> cycle(int n) {
        List<String> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(sentences.get(i % sentences.size()));
        }
        return out;
    }

    /** Share {@code part} of {@code parts} of the first {@code n} cycled sentences, one per line. */
    private Path inputFile(int n, boolean normalized, int part, int parts) throws IOException {
        String name = "input-" + n + (normalized ? "-fasttext" : "") + (parts > 1 ? "-" + part + "of" + parts : "") + ".txt";
        Path cached = inputFiles.get(name);
        if (cached != null) {
            return cached;
        }
        Path file = options.work().resolve(name);
        List<String> all = cycle(n);
        List<String> share = all.subList(part * n / parts, (part + 1) * n / parts);
        try (var w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (String s : share) {
                w.write(normalized ? Baselines.line(s) : s);
                w.write('\n');
            }
        }
        inputFiles.put(name, file);
        return file;
    }

    private interface Load {
        Object run() throws IOException;
    }

    /** Median seconds of three runs, after one untimed run. */
    private static double medianSeconds(Load load) throws IOException {
        load.run();
        double[] seconds = new double[3];
        for (int i = 0; i < seconds.length; i++) {
            long start = System.nanoTime();
            load.run();
            seconds[i] = (System.nanoTime() - start) / 1e9;
        }
        return Measure.median(seconds);
    }

    private static void progress(String what) {
        System.err.println("bench: " + what);
    }
}
