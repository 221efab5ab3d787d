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
                "usage: stance evaluate --data FILE.tsv [--model PATH | --fast] [--json]",
                "",
                "Classifies every sentence of FILE.tsv (header label<TAB>text, extra columns ignored)",
                "and prints precision, recall and F1 per label, macro-F1, accuracy and the confusion",
                "matrix; with --json, one JSON object with macroF1, accuracy, perLabel, confusion, n.",
                "",
                "  --data FILE    labelled sentences (required)",
                ModelOption.HELP,
                "  --json         print JSON instead of a table");
    }

    @Override
    public int run(List<String> argv, Io io) throws Exception {
        Args args = Args.parse(name(), argv, Set.of("data", "model"), Set.of("json", "fast"));
        if (!args.positional().isEmpty()) {
            throw new UsageException(name() + ": unexpected argument " + args.positional().get(0));
        }
        List<LabelledSentence> data = LabelledTsv.read(Path.of(args.require(name(), "data")));
        StanceClassifier classifier = ModelOption.classifier(args);
        List<Prediction> predictions = classifier.classifyAll(data.stream().map(LabelledSentence::text).toList());
        Evaluation evaluation = StanceEvaluator.evaluate(data, predictions);
        if (args.has("json")) {
            Json.println(io.out(), ReportRenderer.toJson(evaluation));
        } else {
            io.out().print(ReportRenderer.toText(evaluation));
        }
        return 0;
    }
}
