package dev.stance.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonGenerator;

import dev.stance.SentenceAnalysis;
import dev.stance.Stance;
import dev.stance.StanceClassifier;

/**
 * {@code analyze}: split a statement into sentences and label each, as one JSON document. The
 * document is written as the input is read, so a statement of any size runs in bounded memory.
 */
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
                "sentences and prints one JSON document, streamed as the input is read:",
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
        try (Reader reader = open(source, io.in()); Progress progress = Progress.of(io, args, name(), -1)) {
            stream(classifier, reader, source, io, progress);
        }
        return 0;
    }

    private void stream(StanceClassifier classifier, Reader reader, String source, Io io, Progress progress)
            throws IOException, UsageException {
        Map<Stance, Integer> counts = new EnumMap<>(Stance.class);
        for (Stance s : Stance.values()) {
            counts.put(s, 0);
        }
        JsonGenerator json = Json.MAPPER.getFactory().createGenerator(io.out());
        json.writeStartObject();
        json.writeArrayFieldStart("sentences");
        try {
            classifier.analyze(reader, sentence -> {
                counts.merge(sentence.prediction().stance(), 1, Integer::sum);
                progress.advance(1);
                try {
                    json.writeObject(toJson(sentence));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (CharacterCodingException e) {
            json.flush();
            io.out().println();
            throw new UsageException(name() + ": " + source + ": not valid UTF-8");
        }
        progress.close();
        json.writeEndArray();
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("stances", counts.entrySet().stream()
                .filter(e -> e.getKey() != Stance.NONE && e.getValue() > 0).map(e -> e.getKey().name()).toList());
        Map<String, Object> named = new LinkedHashMap<>();
        counts.forEach((k, v) -> named.put(k.name(), v));
        summary.put("counts", named);
        json.writeObjectField("summary", summary);
        json.writeEndObject();
        json.flush();
        io.out().println();
    }

    private static Map<String, Object> toJson(SentenceAnalysis s) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("text", s.text());
        row.put("begin", s.begin());
        row.put("end", s.end());
        return Json.prediction(s.prediction(), row);
    }

    private static Reader open(String source, InputStream stdin) throws IOException, UsageException {
        InputStream in;
        if (source.equals("-")) {
            in = stdin;
        } else {
            try {
                in = Files.newInputStream(Path.of(source));
            } catch (NoSuchFileException e) {
                throw new UsageException("analyze: " + source + ": no such file");
            }
        }
        return new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT));
    }
}
