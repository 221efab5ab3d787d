package dev.stance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.stance.LabelledSentence;
import dev.stance.Prediction;
import dev.stance.Stance;
import dev.stance.eval.Evaluation;
import dev.stance.eval.StanceEvaluator;

/**
 * A second annotator's labels for an evaluation set, read from {@code DIR/SET.second.tsv}: the
 * row's line number in the set, the first 16 hex digits of the SHA-256 of its text, the label and
 * who gave it. No text is stored, since evaluation sentences must not be copied into the
 * repository; the hash ties each label to its sentence, and rows whose text changed are left out.
 * Agreement with the set's own labels tells how far a model can be expected to go on it.
 *
 * @param rows   indices into the set's sentences that have a second label
 * @param labels the second labels, parallel to {@code rows}
 * @param stale  rows of the file whose line or text no longer matches the set
 */
record SecondAnnotator(int[] rows, List<Stance> labels, int stale) {

    static final String SUFFIX = ".second.tsv";
    static final String AGREED = "both annotators agree";

    /** The second labels of {@code set}, or empty when {@code dir} has none for it. */
    static Optional<SecondAnnotator> of(String set, Path evalFile, List<LabelledSentence> sentences, Path dir)
            throws IOException {
        Path file = dir.resolve(set + SUFFIX);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<String> setLines = Files.readAllLines(evalFile, StandardCharsets.UTF_8);
        int textColumn = List.of(Parts.stripBom(setLines.get(0)).split("\t", -1)).indexOf("text");
        Map<Integer, Integer> rowOfLine = new HashMap<>();
        for (int i = 0; i < sentences.size(); i++) {
            rowOfLine.put(Parts.lineNumber(sentences.get(i)), i);
        }
        List<Integer> rows = new ArrayList<>();
        List<Stance> labels = new ArrayList<>();
        int stale = 0;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int n = 1; n < lines.size(); n++) {
            String[] cells = lines.get(n).split("\t", -1);
            if (cells.length < 3) {
                throw new IOException(file + ":" + (n + 1) + ": expected line<TAB>text_sha256<TAB>label");
            }
            int line = Integer.parseInt(cells[0]);
            Integer row = rowOfLine.get(line);
            if (row == null || textColumn < 0
                    || !hash(setLines.get(line - 1).split("\t", -1)[textColumn]).equals(cells[1])) {
                stale++;
                continue;
            }
            rows.add(row);
            labels.add(Stance.parse(cells[2]));
        }
        return Optional.of(new SecondAnnotator(rows.stream().mapToInt(Integer::intValue).toArray(), labels, stale));
    }

    /** The second labels scored against the set's own, as if they were a model's predictions. */
    Evaluation agreement(List<LabelledSentence> gold) {
        List<LabelledSentence> part = new ArrayList<>();
        List<Prediction> second = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            part.add(gold.get(rows[i]));
            double[] oneHot = new double[Stance.values().length];
            oneHot[labels.get(i).ordinal()] = 1;
            second.add(Prediction.fromProbabilities(oneHot));
        }
        return StanceEvaluator.evaluate(part, second);
    }

    /** Cohen's kappa between the two annotators: agreement beyond what their label frequencies give by chance. */
    double kappa(List<LabelledSentence> gold) {
        int k = Stance.values().length;
        double[] first = new double[k];
        double[] other = new double[k];
        int same = 0;
        for (int i = 0; i < rows.length; i++) {
            Stance a = gold.get(rows[i]).stance();
            Stance b = labels.get(i);
            first[a.ordinal()]++;
            other[b.ordinal()]++;
            same += a == b ? 1 : 0;
        }
        double n = rows.length;
        double chance = 0;
        for (int j = 0; j < k; j++) {
            chance += first[j] / n * (other[j] / n);
        }
        return (same / n - chance) / (1 - chance);
    }

    /** The rows where both annotators gave the same label, as a part of the set. */
    Parts agreed(String set, List<LabelledSentence> gold) {
        List<Integer> same = new ArrayList<>();
        for (int i = 0; i < rows.length; i++) {
            if (gold.get(rows[i]).stance() == labels.get(i)) {
                same.add(rows[i]);
            }
        }
        return new Parts(set + ": " + AGREED, same.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    static String hash(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
