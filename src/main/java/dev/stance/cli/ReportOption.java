package dev.stance.cli;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import dev.stance.eval.Evaluation;
import dev.stance.eval.HtmlReport;
import dev.stance.eval.ReportContext;
import dev.stance.model.BuildInfo;
import dev.stance.model.ModelMetadata;
import dev.stance.model.StanceModel;

/**
 * The {@code --report FILE} option of {@code evaluate} and {@code train}: the evaluation as one
 * self-contained HTML page ({@link HtmlReport}), with the model's provenance turned into plain
 * text here, because the evaluation package sees only the API.
 */
final class ReportOption {

    static final String NAME = "report";

    static final String HELP = String.join(System.lineSeparator(),
            "  --report FILE  also write the evaluation as one self-contained HTML page: confusion",
            "                 matrix, per-label bars, reliability diagram, the misclassified",
            "                 sentences (searchable) and the model's provenance");

    private ReportOption() {
    }

    /**
     * The report file that {@code --report} names: {@code byDefault} when the option is absent or
     * 'default', null (no report) for 'none'. Fails early, before long work, when it names a directory.
     */
    static Path file(String command, Args args, Path byDefault) throws UsageException {
        String option = args.has(NAME) ? args.get(NAME) : "default";
        Path file = switch (option) {
            case "default" -> byDefault;
            case "none" -> null;
            default -> Path.of(option);
        };
        if (file != null && Files.isDirectory(file)) {
            throw new UsageException(command + ": --report " + file + " is a directory; give a file name");
        }
        return file;
    }

    /**
     * Writes the report of {@code evaluation} (of {@code model} on the labelled file {@code data}) to
     * {@code file}, creating its directory if needed.
     *
     * @param modelSource where the model came from (a path, or which bundled model)
     * @throws UsageException if the file cannot be written, naming it and why
     */
    static void write(String command, Path file, Evaluation evaluation, StanceModel model, String modelSource,
                      Path data) throws UsageException, IOException {
        String html = HtmlReport.render(evaluation, context(evaluation, model, modelSource, data));
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Files.writeString(file, html);
        } catch (IOException e) {
            throw new UsageException(command + ": cannot write report " + file + ": " + reason(e));
        }
    }

    static ReportContext context(Evaluation evaluation, StanceModel model, String modelSource, Path data)
            throws IOException {
        ModelMetadata m = model.metadata();
        ModelMetadata.Provenance p = m.provenance();
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();

        Map<String, String> evaluated = new LinkedHashMap<>();
        evaluated.put("file", data.toString());
        evaluated.put("sentences", Integer.toString(evaluation.n()));
        evaluated.put("SHA-256 of the file", sha256(data));
        sections.put("Evaluated data", evaluated);

        Map<String, String> about = new LinkedHashMap<>();
        about.put("file", modelSource);
        about.put("name", m.name());
        about.put("created", m.createdAt());
        about.put("written by", "stance-classifier " + m.libraryVersion() + ", model format " + m.formatVersion());
        about.put("best epoch", Integer.toString(p.bestEpoch()));
        about.put("seed", Long.toString(p.seed()));
        about.put("training time", String.format(Locale.ROOT, "%.1f s", p.trainingSeconds()));
        about.put("calibration temperature", String.format(Locale.ROOT, "%.4f", m.calibration().temperature()));
        about.put("calibration shift", m.calibration().shift().toString());
        sections.put("Model", about);

        Map<String, String> training = new LinkedHashMap<>();
        training.put("SHA-256 of the sentences", p.dataSha256());
        p.counts().forEach((split, perLabel) -> training.put(split, String.format(Locale.ROOT, "%,d sentences: %s",
                perLabel.values().stream().mapToInt(Integer::intValue).sum(), perLabel.entrySet().stream()
                        .map(e -> e.getKey() + " " + e.getValue()).collect(Collectors.joining(", ")))));
        sections.put("Training data", training);

        sections.put("Architecture", flatten(m.architecture()));
        sections.put("Training config", flatten(p.trainingConfig()));
        sections.put("Metrics recorded at training time", flatten(p.metrics()));
        sections.put("Versions that trained it", flatten(p.environment()));
        sections.put("Versions that made this report", flatten(BuildInfo.environment()));

        return new ReportContext("Stance evaluation: " + data.getFileName(), data.toString(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), sections);
    }

    /** Nested maps and records as {@code a.b.c -> text} lines, in order; lists joined with commas. */
    static Map<String, String> flatten(Object value) {
        Map<String, String> out = new LinkedHashMap<>();
        flatten("", Json.MAPPER.convertValue(value, Object.class), out);
        return out;
    }

    private static void flatten(String key, Object value, Map<String, String> out) {
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> flatten(key.isEmpty() ? String.valueOf(k) : key + "." + k, v, out));
        } else if (value instanceof List<?> list) {
            out.put(key, list.isEmpty() ? "none" : list.stream().map(String::valueOf).collect(Collectors.joining(", ")));
        } else {
            out.put(key, value == null ? "none" : value.toString());
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileAlreadyExistsException f) {
            // From createDirectories: a file stands where a directory is needed.
            return f.getFile() + " is a file, not a directory";
        }
        if (e instanceof FileSystemException f && f.getReason() != null) {
            return f.getReason();
        }
        return e instanceof FileSystemException ? e.getClass().getSimpleName() : e.getMessage();
    }
}
