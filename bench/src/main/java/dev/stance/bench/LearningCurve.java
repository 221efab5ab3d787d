package dev.stance.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * How accuracy grows with the amount of our training data: the same variant trained on nested,
 * label-stratified shares of {@code train.tsv} (dev and test unchanged), each model measured on
 * every set. How fast the evaluation sets gain from data that keeps raising our own test split
 * says whether more sentences of the same making can close the gap between them.
 */
final class LearningCurve {

    /** Shares of the training split, smallest first; the last is all of it. */
    static final List<Double> SHARES = List.of(1 / 16.0, 1 / 8.0, 1 / 4.0, 1 / 2.0, 1.0);
    /** The variants trained at each share: cheap to train, encoder left as pretrained. */
    static final List<String> VARIANTS = List.of("lexical", "encoder");
    /**
     * One repetition per seed, which draws the rows and seeds the training: at the whole split the
     * rows are the same and only the training differs, so its spread is the training's own noise.
     */
    static final List<Long> SEEDS = List.of(42L, 7L, 1L);

    /**
     * One trained model of the curve.
     *
     * @param variant   the training preset
     * @param share     share of the training split
     * @param sentences training sentences it was trained on
     * @param seed      seed of the draw and of the training
     * @param macroF1   macro-F1 by set name
     */
    record Point(String variant, double share, int sentences, long seed, Map<String, Double> macroF1) {
    }

    private LearningCurve() {
    }

    /**
     * Writes one data folder per share under {@code work}: {@code train.tsv} keeps the header, the
     * comment lines and {@code share} of each label's rows, drawn by {@code seed} so that each share
     * contains the smaller ones, in the order of the file (the whole share is the file itself);
     * {@code dev.tsv} and {@code test.tsv} are copied as they are.
     *
     * @return the folders, in the order of {@link #SHARES}
     */
    static List<Path> subsample(Path data, Path work, long seed) throws IOException {
        List<String> lines = Files.readAllLines(data.resolve("train.tsv"), StandardCharsets.UTF_8);
        Map<String, List<Integer>> byLabel = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) { // line 0 is the header
            String line = lines.get(i);
            if (isRow(line)) {
                byLabel.computeIfAbsent(line.substring(0, Math.max(0, line.indexOf('\t'))), k -> new ArrayList<>()).add(i);
            }
        }
        Random random = new Random(seed);
        byLabel.values().forEach(rows -> Collections.shuffle(rows, random));
        List<Path> dirs = new ArrayList<>();
        for (double share : SHARES) {
            Path dir = work.resolve(String.format(Locale.ROOT, "seed-%d-share-%.4f", seed, share));
            Files.createDirectories(dir);
            // A prefix of each shuffled label: nested shares with the label mix of the whole split.
            Set<Integer> kept = new HashSet<>();
            byLabel.values().forEach(rows -> kept.addAll(rows.subList(0, (int) Math.round(share * rows.size()))));
            List<String> out = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                if (i == 0 || kept.contains(i) || !isRow(lines.get(i))) {
                    out.add(lines.get(i));
                }
            }
            Files.write(dir.resolve("train.tsv"), out, StandardCharsets.UTF_8);
            for (String split : List.of("dev.tsv", "test.tsv")) {
                Files.copy(data.resolve(split), dir.resolve(split), StandardCopyOption.REPLACE_EXISTING);
            }
            dirs.add(dir);
        }
        return dirs;
    }

    /** A labelled row, as opposed to a blank or comment line (which every share keeps). */
    private static boolean isRow(String line) {
        return !line.isBlank() && !line.startsWith("#");
    }
}
