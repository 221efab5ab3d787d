package dev.stance.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stance.Prediction;
import dev.stance.StanceClassifier;

/**
 * {@code classify}: one JSON object per sentence, from arguments or standard input. Reads and
 * prints in batches, so any number of lines runs in bounded memory and results appear as they go.
 */
final class ClassifyCommand implements Command {

    static final String FAIL_FAST = "fail-fast";

    @Override
    public String name() {
        return "classify";
    }

    @Override
    public String summary() {
        return "label sentences given as arguments or one per line on stdin";
    }

    @Override
    public String help() {
        return String.join(System.lineSeparator(),
                "usage: stance classify [--model PATH | --fast] [--quiet] [--fail-fast] [TEXT ...]",
                "",
                "Labels each TEXT, or each line of standard input when no TEXT is given, and prints",
                "one JSON object per sentence: {\"text\":..,\"label\":..,\"confidence\":..,\"scores\":{..}}.",
                "A bad input line (not UTF-8, longer than 1 MiB) is reported on stderr with its line",
                "number and skipped; the exit code is then 1.",
                "",
                ModelOption.HELP,
                Progress.HELP,
                "  --fail-fast    stop at the first bad line");
    }

    @Override
    public int run(List<String> argv, Io io) throws Exception {
        Args args = Args.parse(name(), argv, ModelOption.VALUED,
                Args.union(ModelOption.FLAGS, Progress.QUIET, FAIL_FAST));
        StanceClassifier classifier = ModelOption.classifier(args);
        if (!args.positional().isEmpty()) {
            print(classifier.classifyAll(args.positional()), args.positional(), io);
            return 0;
        }
        LineReader reader = new LineReader(io.in());
        int failed = 0;
        try (Progress progress = Progress.of(io, args, name(), -1)) {
            List<String> batch = new ArrayList<>(Progress.BATCH);
            LineReader.Line line;
            while ((line = reader.next()) != null) {
                if (line.error() != null) {
                    failed++;
                    progress.clear();
                    io.err().println("error: stdin:" + line.number() + ": " + line.error());
                    if (args.has(FAIL_FAST)) {
                        break;
                    }
                    continue;
                }
                batch.add(line.text());
                if (batch.size() == Progress.BATCH) {
                    classifyAndPrint(classifier, batch, io, progress);
                    batch.clear();
                }
            }
            classifyAndPrint(classifier, batch, io, progress);
        }
        return failed == 0 ? 0 : 1;
    }

    private static void classifyAndPrint(StanceClassifier classifier, List<String> texts, Io io, Progress progress) {
        List<Prediction> predictions = classifier.classifyAll(texts);
        progress.clear();
        print(predictions, texts, io);
        progress.advance(texts.size());
    }

    private static void print(List<Prediction> predictions, List<String> texts, Io io) {
        for (int i = 0; i < texts.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("text", texts.get(i));
            Json.println(io.out(), Json.prediction(predictions.get(i), row));
        }
        io.out().flush();
    }
}
