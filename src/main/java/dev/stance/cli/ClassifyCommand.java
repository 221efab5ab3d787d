package dev.stance.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stance.Prediction;
import dev.stance.StanceClassifier;

/** {@code classify}: one JSON object per sentence, from arguments or standard input. */
final class ClassifyCommand implements Command {

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
                "usage: stance classify [--model PATH | --fast] [--quiet] [TEXT ...]",
                "",
                "Labels each TEXT, or each line of standard input when no TEXT is given, and prints",
                "one JSON object per sentence: {\"text\":..,\"label\":..,\"confidence\":..,\"scores\":{..}}.",
                "",
                ModelOption.HELP,
                Progress.HELP);
    }

    @Override
    public int run(List<String> argv, Io io) throws Exception {
        Args args = Args.parse(name(), argv, ModelOption.VALUED, Args.union(ModelOption.FLAGS, Progress.QUIET));
        StanceClassifier classifier = ModelOption.classifier(args);
        if (!args.positional().isEmpty()) {
            print(classifier.classifyAll(args.positional()), args.positional(), io);
            return 0;
        }
        BufferedReader reader = new BufferedReader(new InputStreamReader(io.in(), StandardCharsets.UTF_8));
        try (Progress progress = Progress.of(io, args, name(), -1)) {
            List<String> batch = new ArrayList<>(Progress.BATCH);
            String line;
            while ((line = reader.readLine()) != null) {
                batch.add(line);
                if (batch.size() == Progress.BATCH) {
                    classifyAndPrint(classifier, batch, io, progress);
                    batch.clear();
                }
            }
            classifyAndPrint(classifier, batch, io, progress);
        }
        return 0;
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
