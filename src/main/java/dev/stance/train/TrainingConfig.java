package dev.stance.train;

import java.util.List;

import dev.stance.features.Encoders;
import dev.stance.features.LexicalConfig;

/**
 * Everything that decides what a training run produces, validated once. With the same config and
 * the same data, training gives the same model. Recorded in every model file. Immutable; use the
 * {@code withX} methods for variations.
 *
 * @param name         short name written into the model ({@code lexical}, {@code encoder}, ...)
 * @param lexical      lexical featurizer settings, or null for no lexical features
 * @param embeddingDim width of the lexical embedding (ignored without lexical features)
 * @param encoder      id of the sentence encoder ({@link Encoders#ids()}), or null for none
 * @param hidden       widths of the hidden ReLU layers, possibly empty
 * @param epochs       most passes over the training split, at least 1; the best on dev is kept
 * @param patience     stop after this many epochs without a better dev macro-F1; 0 never stops early
 * @param learningRate Adam learning rate, positive
 * @param batchSize    sentences per update, at least 1
 * @param dropout      probability of dropping a hidden unit during training, in [0, 1)
 * @param l2           L2 penalty on the dense layers' weights, at least 0
 * @param seed         seed of weight initialisation and shuffling
 * @param calibrate    whether to fit temperature and decision rule on the dev split
 * @param tuning       training of the encoder's top layers before the head, or null to keep the
 *                     pretrained encoder as it is
 */
public record TrainingConfig(
        String name,
        LexicalConfig lexical,
        int embeddingDim,
        String encoder,
        List<Integer> hidden,
        int epochs,
        int patience,
        double learningRate,
        int batchSize,
        double dropout,
        double l2,
        long seed,
        boolean calibrate,
        EncoderTuning tuning) {

    /**
     * Training of the sentence encoder's top layers on the stance labels, before the head is
     * trained on the adapted encoder's vectors. Measured on bge-small with 4 layers: about 3 minutes
     * per epoch over 8,200 sentences on 2 cores, peaking at about 5.4 GB resident.
     *
     * @param layers       how many of the top layers to train, at least 1
     * @param epochs       most passes; the epoch with the best dev macro-F1 is kept
     * @param learningRate Adam learning rate, positive (small: the layers start pretrained)
     */
    public record EncoderTuning(int layers, int epochs, double learningRate) {
        public EncoderTuning {
            requirePositive("tuned encoder layers", layers);
            requirePositive("encoder tuning epochs", epochs);
            requirePositive("encoder tuning learningRate", learningRate);
        }
    }

    public TrainingConfig {
        hidden = List.copyOf(hidden);
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("name must not be blank");
        }
        if (lexical == null && encoder == null) {
            throw new IllegalArgumentException("a model needs lexical features, an encoder, or both");
        }
        if (lexical != null && embeddingDim <= 0) {
            throw new IllegalArgumentException("embeddingDim must be > 0, got " + embeddingDim);
        }
        if (encoder != null) {
            Encoders.spec(encoder); // throws for an unknown id
        }
        requirePositive("epochs", epochs);
        if (patience < 0) {
            throw new IllegalArgumentException("patience must be >= 0, got " + patience);
        }
        requirePositive("learningRate", learningRate);
        requirePositive("batchSize", batchSize);
        if (!(dropout >= 0 && dropout < 1)) {
            throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
        }
        if (!(l2 >= 0) || Double.isInfinite(l2)) {
            throw new IllegalArgumentException("l2 must be >= 0, got " + l2);
        }
        for (int width : hidden) {
            if (width <= 0) {
                throw new IllegalArgumentException("hidden layer widths must be > 0, got " + hidden);
            }
        }
        if (tuning != null && encoder == null) {
            throw new IllegalArgumentException("encoder tuning needs an encoder");
        }
    }

    private static void requirePositive(String what, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(what + " must be > 0, got " + value);
        }
    }

    /** Positive and finite (NaN fails too). */
    private static void requirePositive(String what, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be > 0, got " + value);
        }
    }

    /** The fast model: lexical features only, no native encoder at run time. */
    public static TrainingConfig lexicalDefaults() {
        return new TrainingConfig("lexical", LexicalConfig.defaults(), 48, null, List.of(), 30, 5, 0.01, 32, 0.0, 0.0, 42,
                true, null);
    }

    /** Pretrained sentence encoder (bge-small) plus lexical features. */
    public static TrainingConfig combinedDefaults() {
        return new TrainingConfig("combined", LexicalConfig.defaults(), 32, Encoders.BGE_SMALL, List.of(128),
                30, 5, 0.002, 32, 0.2, 1e-4, 42, true, null);
    }

    /**
     * Sentence encoder (bge-small) only, its top four layers trained on the stance labels: the
     * bundled default model.
     */
    public static TrainingConfig encoderDefaults() {
        return new TrainingConfig("encoder", null, 0, Encoders.BGE_SMALL, List.of(128), 40, 8, 0.002, 32, 0.2, 1e-4, 42,
                true, new EncoderTuning(4, 5, 5e-5));
    }

    /**
     * The preset called {@code name}: {@code lexical}, {@code encoder} or {@code combined}.
     *
     * @throws IllegalArgumentException naming the presets for any other name
     */
    public static TrainingConfig preset(String name) {
        return switch (name) {
            case "lexical" -> lexicalDefaults();
            case "encoder" -> encoderDefaults();
            case "combined" -> combinedDefaults();
            default -> throw new IllegalArgumentException("unknown model variant \"" + name
                    + "\" (expected lexical, encoder or combined)");
        };
    }

    /** The same config with another maximum number of head epochs. */
    public TrainingConfig withEpochs(int epochs) {
        return new TrainingConfig(name, lexical, embeddingDim, encoder, hidden, epochs, patience, learningRate, batchSize,
                dropout, l2, seed, calibrate, tuning);
    }

    /** The same config with another seed (weights, shuffling and encoder tuning all follow it). */
    public TrainingConfig withSeed(long seed) {
        return new TrainingConfig(name, lexical, embeddingDim, encoder, hidden, epochs, patience, learningRate, batchSize,
                dropout, l2, seed, calibrate, tuning);
    }

    /** The same config with other encoder tuning, or none ({@code null}). */
    public TrainingConfig withTuning(EncoderTuning tuning) {
        return new TrainingConfig(name, lexical, embeddingDim, encoder, hidden, epochs, patience, learningRate, batchSize,
                dropout, l2, seed, calibrate, tuning);
    }

    /** The same config with another learning rate for the head. */
    public TrainingConfig withLearningRate(double learningRate) {
        return new TrainingConfig(name, lexical, embeddingDim, encoder, hidden, epochs, patience, learningRate, batchSize,
                dropout, l2, seed, calibrate, tuning);
    }

}
