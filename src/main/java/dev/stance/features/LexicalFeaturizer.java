package dev.stance.features;

import java.util.Arrays;
import java.util.Objects;

import dev.stance.text.Tokenizer;

/**
 * The {@code lex-v1} featurizer: a sentence becomes a bag of hashed feature ids, like fastText's
 * input: word unigrams, word bigrams (with sentence boundaries), word prefixes and cue classes
 * (plain and negated), plus a question-mark feature. The network averages the embeddings of the ids.
 *
 * <p>Words are lower-cased and digits folded to '0'. Only the first {@link Tokenizer#MAX_TOKENS}
 * tokens are used. Thread-safe; each thread keeps one small buffer (about 12 KB) for its
 * calls, so a sentence allocates only its result.
 */
public final class LexicalFeaturizer {

    private static final int SEED_UNIGRAM = 0x1;
    private static final int SEED_BIGRAM = 0x2;
    private static final int SEED_PREFIX = 0x3;
    private static final int SEED_CUE = 0x4;
    private static final int SEED_NEGATED_CUE = 0x5;
    private static final int SEED_QUESTION = 0x6;
    private static final int BOUNDARY = 0x7f4a7c15;
    /** How many tokens back a negator still negates a cue. */
    private static final int NEGATION_WINDOW = 3;

    private final LexicalConfig config;
    private final Tokenizer tokenizer = new Tokenizer();
    private final boolean cues;
    private final int prefixLength;
    private final int buckets;
    /** {@code buckets - 1} when {@code buckets} is a power of two (the same bucket as {@code %}, cheaper), else -1. */
    private final int mask;

    /** Per-thread buffers, so that a sentence costs one exact-size array (the result). */
    private static final class Scratch {
        final int[] offsets = new int[2 * Tokenizer.MAX_TOKENS];
        final int[] ids = new int[4 * Tokenizer.MAX_TOKENS + 2];
    }

    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    /** A featurizer with the given hashing and cue settings; a model must run with the config it was trained with. */
    public LexicalFeaturizer(LexicalConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.cues = config.cues();
        this.prefixLength = config.prefixLength();
        this.buckets = config.buckets();
        this.mask = Integer.bitCount(buckets) == 1 ? buckets - 1 : -1;
    }

    /** The settings this featurizer hashes with, as recorded in a model file. */
    public LexicalConfig config() {
        return config;
    }

    /**
     * Feature ids of {@code sentence}, each in {@code [0, buckets)}, possibly repeated; empty only
     * for a sentence without tokens.
     */
    public int[] features(String sentence) {
        Scratch scratch = SCRATCH.get();
        int tokens = tokenizer.tokenize(sentence, scratch.offsets);
        if (tokens == 0) {
            return new int[0];
        }
        int[] offsets = scratch.offsets;
        int[] out = scratch.ids;
        int count = 0;
        int previous = BOUNDARY;
        int lastNegator = Integer.MIN_VALUE / 2;
        for (int t = 0; t < tokens; t++) {
            int begin = offsets[2 * t];
            int end = offsets[2 * t + 1];
            int length = end - begin;
            int h = Hashing.FNV_OFFSET;
            int prefixHash = 0;
            int cue = CueLexicon.NOT_A_CUE;
            for (int i = 0; i < length; i++) {
                h = Hashing.step(h, Hashing.normalize(sentence.charAt(begin + i)));
                int seen = i + 1;
                if (seen == prefixLength) {
                    prefixHash = h;
                }
                if (cues && seen <= CueLexicon.MAX_PREFIX && CueLexicon.PREFIX_LENGTHS[seen]
                        && cue == CueLexicon.NOT_A_CUE) {
                    int c = CueLexicon.lookup(CueLexicon.prefixKey(h, seen));
                    if (c != CueLexicon.NEGATOR) {
                        cue = c;
                    }
                }
            }
            out[count++] = bucket(Hashing.mix(h, SEED_UNIGRAM));
            out[count++] = bucket(Hashing.mix(Hashing.mix(previous, h), SEED_BIGRAM));
            if (prefixLength > 0 && length > prefixLength) {
                out[count++] = bucket(Hashing.mix(prefixHash, SEED_PREFIX));
            }
            if (cues) {
                int whole = CueLexicon.lookup(CueLexicon.wordKey(h));
                if (whole == CueLexicon.NEGATOR) {
                    lastNegator = t;
                } else if (whole != CueLexicon.NOT_A_CUE) {
                    cue = whole;
                }
                if (cue != CueLexicon.NOT_A_CUE) {
                    boolean negated = t - lastNegator <= NEGATION_WINDOW && lastNegator != t;
                    out[count++] = bucket(Hashing.mix(cue, negated ? SEED_NEGATED_CUE : SEED_CUE));
                }
            }
            previous = h;
        }
        out[count++] = bucket(Hashing.mix(Hashing.mix(previous, BOUNDARY), SEED_BIGRAM));
        if (sentence.charAt(offsets[2 * tokens - 2]) == '?') {
            out[count++] = bucket(Hashing.mix(BOUNDARY, SEED_QUESTION));
        }
        return Arrays.copyOf(out, count);
    }

    private int bucket(int hash) {
        int positive = hash & 0x7fffffff;
        return mask >= 0 ? positive & mask : positive % buckets;
    }
}
