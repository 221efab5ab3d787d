package dev.stance.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stance.Prediction;
import dev.stance.StanceClassifier;

/**
 * {@code classify}: one JSON object per sentence, from arguments or standard input. Reads and
 * prints in batches, so any number of lines runs in bounded memory and results appear as they go.
 */
final class ClassifyCommand implements Command {

    /** Lines classified together when reading standard input. */
    static final int BATCH = 256;

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
                "usage: stance classify [--model PATH | --fast] [--fail-fast] [TEXT ...]",
                "",
                "Labels each TEXT, or each line of standard input when no TEXT is given, and prints",
                "one JSON object per sentence: {\"text\":..,\"label\":..,\"confidence\":..,\"scores\":{..}}.",
                "A bad input line (not UTF-8, longer than 1 MiB) is reported on stderr with its line",
                "number and skipped; the exit code is then 1.",
                "",
                ModelOption.HELP,
                "  --fail-fast    stop at the first bad line");
    }

    @Override
    public int run(List<String> argv, Io io) throws Exception {
        Set<String> flags = new java.util.HashSet<>(ModelOption.FLAGS);
        flags.add("fail-fast");
        Args args = Args.parse(name(), argv, ModelOption.VALUED, flags);
        StanceClassifier classifier = ModelOption.classifier(args);
        if (!args.positional().isEmpty()) {
            print(classifier, args.positional(), io);
            return 0;
        }
        LineReader reader = new LineReader(io.in());
        List<String> batch = new ArrayList<>(BATCH);
        int failed = 0;
        LineReader.Line line;
        while ((line = reader.next()) != null) {
            if (line.error() != null) {
                failed++;
                io.err().println("error: stdin:" + line.number() + ": " + line.error());
                if (args.has("fail-fast")) {
                    break;
                }
                continue;
            }
            batch.add(line.text());
            if (batch.size() == BATCH) {
                print(classifier, batch, io);
                batch.clear();
            }
        }
        print(classifier, batch, io);
        return failed == 0 ? 0 : 1;
    }

    private static void print(StanceClassifier classifier, List<String> texts, Io io) {
        List<Prediction> predictions = classifier.classifyAll(texts);
        for (int i = 0; i < texts.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("text", texts.get(i));
            Json.println(io.out(), Json.prediction(predictions.get(i), row));
        }
        io.out().flush();
    }
}
