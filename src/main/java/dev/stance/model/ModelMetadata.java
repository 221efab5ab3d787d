package dev.stance.model;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a model file says about itself ({@code model.json}): enough to check that this library can
 * run it and to trace it back to the data and settings that made it. Immutable.
 *
 * @param formatVersion  version of the model file format
 * @param name           short name of the model (e.g. {@code lexical}, {@code encoder})
 * @param libraryVersion version of stance-classifier that wrote it
 * @param createdAt      ISO-8601 instant of creation
 * @param labels         label order of the output layer; must equal {@link dev.stance.Stance} order
 * @param architecture   features and network shape
 * @param calibration    temperature and decision rule applied to the outputs
 * @param provenance     training data, settings, metrics and environment
 */
public record ModelMetadata(
        int formatVersion,
        String name,
        String libraryVersion,
        String createdAt,
        List<String> labels,
        Architecture architecture,
        Calibration calibration,
        Provenance provenance) {

    public ModelMetadata {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(labels, "labels");
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(calibration, "calibration");
        Objects.requireNonNull(provenance, "provenance");
        labels = List.copyOf(labels);
    }

    /**
     * Where a model came from.
     *
     * @param dataSha256     SHA-256 over the training, dev and test sentences with their labels
     * @param counts         sentences per split and label, e.g. {@code counts.get("train").get("DENIAL")}
     * @param trainingConfig the training settings, as recorded by the trainer
     * @param seed           random seed of the training run
     * @param bestEpoch      the epoch whose weights were kept (chosen on the dev split)
     * @param trainingSeconds wall-clock training time
     * @param metrics        evaluation summaries by split ({@code dev}, {@code test}): macroF1, accuracy, perLabelF1, ...
     * @param environment    library, DL4J, Java and OS versions of the training machine
     */
    public record Provenance(
            String dataSha256,
            Map<String, Map<String, Integer>> counts,
            Map<String, Object> trainingConfig,
            long seed,
            int bestEpoch,
            double trainingSeconds,
            Map<String, Object> metrics,
            Map<String, String> environment) {

        // Keeps insertion order (readable JSON) and allows null values (e.g. "encoder": null).
        private static <V> Map<String, V> copy(Map<String, V> map) {
            return map == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(map));
        }

        public Provenance {
            counts = copy(counts);
            trainingConfig = copy(trainingConfig);
            metrics = copy(metrics);
            environment = copy(environment);
        }
    }
}
