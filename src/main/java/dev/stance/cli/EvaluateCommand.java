package dev.stance.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import dev.stance.LabelledSentence;
import dev.stance.Prediction;
import dev.stance.StanceClassifier;
import dev.stance.eval.Evaluation;
import dev.stance.eval.ReportRenderer;
import dev.stance.eval.StanceEvaluator;
import dev.stance.model.StanceModel;
import dev.stance.train.LabelledTsv;

/** {@code evaluate}: score a model on a labelled TSV file. */
final class EvaluateCommand implements Command {

    @Override
    public String name() {
        return "evaluate";
    }

    @Override
    public String summary() {
        return "measure a model on a labelled TSV file (macro-F1, per label, confusion)";
    }

    @Override
    public String help() {
        return String.join(System.lineSeparator(),
                "usage: stance evaluate --data FILE.tsv [--model PATH | --fast] [--json] [--report FILE] [--quiet]",
                "",
                "Classifies every sentence of FILE.tsv (header label<TAB>text, extra columns ignored)",
                "and prints precision, recall and F1 per label, macro-F1, accuracy and the confusion",
                "matrix; with --json, one JSON object with macroF1, accuracy, perLabel, confusion, n.",
                "",
                "  --data FILE    labelled sentences (required)",
                ModelOption.HELP,
                "  --json         print JSON instead of a table",
                ReportOption.HELP,
                Progress.HELP);
    }

    @Override
    public int run(List<String> argv, Io io) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("data", "model", ReportOption.NAME),
                Set.of("json", "fast", Progress.QUIET));
        if (!args.positional().isEmpty()) {
            throw new UsageException(name() + ": unexpected argument " + args.positional().get(0));
        }
        Path dataFile = Path.of(args.require(name(), "data"));
        Path report = ReportOption.file(name(), args, null);
        List<LabelledSentence> data = LabelledTsv.read(dataFile);
        StanceModel model = ModelOption.load(args);
        StanceClassifier classifier = model.classifier();
        List<Prediction> predictions;
        try (Progress progress = Progress.of(io, args, name(), data.size())) {
            predictions = progress.classifyAll(classifier, data.stream().map(LabelledSentence::text).toList());
        }
        Evaluation evaluation = StanceEvaluator.evaluate(data, predictions);
        if (args.has("json")) {
            Json.println(io.out(), ReportRenderer.toJson(evaluation));
        } else {
            io.out().print(ReportRenderer.toText(evaluation));
        }
        if (report != null) {
            io.out().flush();
            ReportOption.write(name(), report, evaluation, model, ModelOption.describe(args), dataFile);
            io.err().println("wrote report " + report);
        }
        return 0;
    }
}
