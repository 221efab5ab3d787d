package dev.stance.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.stance.Prediction;
import dev.stance.SentenceAnalysis;
import dev.stance.StanceClassifier;
import dev.stance.StatementAnalysis;
import dev.stance.text.SentenceSplitter;
import dev.stance.text.TextSpan;

/** {@code analyze}: split a statement into sentences and label each, as one JSON document. */
final class AnalyzeCommand implements Command {

    @Override
    public String name() {
        return "analyze";
    }

    @Override
    public String summary() {
        return "split a statement into sentences and label each";
    }

    @Override
    public String help() {
        return String.join(System.lineSeparator(),
                "usage: stance analyze [--model PATH | --fast] [--quiet] [FILE|-]",
                "",
                "Reads a statement from FILE (or standard input for - or no FILE), splits it into",
                "sentences and prints one JSON document:",
                "{\"sentences\":[{\"text\":..,\"begin\":..,\"end\":..,\"label\":..,\"confidence\":..,\"scores\":{..}}],",
                " \"summary\":{\"stances\":[..],\"counts\":{..}}}",
                "begin/end are character offsets (UTF-16 code units) into the input text.",
                "",
                ModelOption.HELP,
                Progress.HELP);
    }

    @Override
    public int run(List<String> argv, Io io) throws Exception {
        Args args = Args.parse(name(), argv, ModelOption.VALUED, Args.union(ModelOption.FLAGS, Progress.QUIET));
        if (args.positional().size() > 1) {
            throw new UsageException(name() + ": expected at most one FILE, got " + args.positional().size());
        }
        String source = args.positional().isEmpty() ? "-" : args.positional().get(0);
        StanceClassifier classifier = ModelOption.classifier(args);
        String text = read(source, io.in());
        List<TextSpan> spans = new SentenceSplitter().split(text);
        StatementAnalysis analysis;
        try (Progress progress = Progress.of(io, args, name(), spans.size())) {
            analysis = analyze(classifier, text, spans, progress);
        }
        Json.println(io.out(), toJson(analysis));
        return 0;
    }

    /**
     * What {@link StanceClassifier#analyze} does, in steps a progress line can follow: the sentences
     * {@code spans} of {@code text}, classified in batches. {@code MainTest} holds the two equal.
     */
    static StatementAnalysis analyze(StanceClassifier classifier, String text, List<TextSpan> spans,
                                     Progress progress) {
        List<String> sentences = spans.stream().map(s -> text.substring(s.begin(), s.end())).toList();
        List<Prediction> predictions = progress.classifyAll(classifier, sentences);
        List<SentenceAnalysis> out = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            out.add(new SentenceAnalysis(sentences.get(i), spans.get(i).begin(), spans.get(i).end(), predictions.get(i)));
        }
        return StatementAnalysis.of(out);
    }

    static Map<String, Object> toJson(StatementAnalysis analysis) {
        List<Map<String, Object>> sentences = new ArrayList<>();
        for (SentenceAnalysis s : analysis.sentences()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("text", s.text());
            row.put("begin", s.begin());
            row.put("end", s.end());
            sentences.add(Json.prediction(s.prediction(), row));
        }
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("stances", analysis.stances().stream().map(Enum::name).toList());
        Map<String, Object> counts = new LinkedHashMap<>();
        analysis.counts().forEach((k, v) -> counts.put(k.name(), v));
        summary.put("counts", counts);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("sentences", sentences);
        doc.put("summary", summary);
        return doc;
    }

    private static String read(String source, InputStream stdin) throws IOException, UsageException {
        if (source.equals("-")) {
            return new String(stdin.readAllBytes(), StandardCharsets.UTF_8);
        }
        try {
            return Files.readString(Path.of(source), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new UsageException("analyze: " + source + ": no such file");
        } catch (java.nio.charset.MalformedInputException e) {
            throw new UsageException("analyze: " + source + ": not valid UTF-8");
        }
    }
}
