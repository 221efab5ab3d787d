package dev.stance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stance.LabelledSentence;

/**
 * Named parts of an evaluation set, read from its optional {@code source} and {@code note}
 * columns: one part per source repository (the text before {@code @}), and the strict part
 * without rows whose note says {@code borderline} or {@code overlaps}. The real-statement set's
 * README asks for both: its labels lean on source style, and those rows are the likeliest to be
 * disputed. A set without these columns (or without any such row) has no parts.
 *
 * @param name the part's name, e.g. {@code real-dev: brian14708/wh-briefings}
 * @param rows indices into the set's list of sentences
 */
record Parts(String name, int[] rows) {

    static final String STRICT = "without borderline/overlaps";

    /** The parts of {@code sentences}, read from {@code file}, in a stable order. */
    static List<Parts> of(String set, Path file, List<LabelledSentence> sentences) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = List.of(stripBom(lines.get(0)).split("\t", -1));
        int source = header.indexOf("source");
        int note = header.indexOf("note");
        Map<String, List<Integer>> bySource = new LinkedHashMap<>();
        List<Integer> strict = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            String[] cells = lines.get(lineNumber(sentences.get(i)) - 1).split("\t", -1);
            if (source >= 0 && source < cells.length) {
                bySource.computeIfAbsent(cells[source].split("@", 2)[0], k -> new ArrayList<>()).add(i);
            }
            String n = note >= 0 && note < cells.length ? cells[note] : "";
            if (!n.contains("borderline") && !n.contains("overlaps")) {
                strict.add(i);
            }
        }
        List<Parts> out = new ArrayList<>();
        if (bySource.size() > 1) {
            bySource.forEach((repo, rows) -> out.add(new Parts(set + ": " + repo, toArray(rows))));
        }
        // A strict part equal to the whole set would only repeat its figures.
        if (note >= 0 && strict.size() < sentences.size()) {
            out.add(new Parts(set + ": " + STRICT, toArray(strict)));
        }
        return out;
    }

    /** The part's elements of {@code all}, in order. */
    <T> List<T> of(List<T> all) {
        List<T> out = new ArrayList<>(rows.length);
        for (int row : rows) {
            out.add(all.get(row));
        }
        return out;
    }

    /** LabelledTsv records each sentence's source as {@code file:line}. */
    static int lineNumber(LabelledSentence s) {
        return Integer.parseInt(s.source().substring(s.source().lastIndexOf(':') + 1));
    }

    static String stripBom(String s) {
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    private static int[] toArray(List<Integer> rows) {
        return rows.stream().mapToInt(Integer::intValue).toArray();
    }
}
