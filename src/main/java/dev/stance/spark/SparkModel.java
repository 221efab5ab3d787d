package dev.stance.spark;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;

import dev.stance.StanceClassifier;
import dev.stance.Variant;
import dev.stance.model.NetworkParams;
import dev.stance.model.StanceModel;

/**
 * A stance model shipped to the executors of a Spark application: the bytes of its model file in
 * a broadcast variable, plus a hash of the model's content. Each executor JVM builds one
 * classifier from those bytes, on the first partition that needs it, and every task and every
 * {@code SparkModel} with the same content reuses it; the deserialised network itself never
 * travels.
 *
 * <p>Create one per model and pass it to every {@link StanceSpark} call: each factory call makes
 * a new broadcast (the executors still load the model once, as they key it by content).
 *
 * <p>Needs a classic (not Spark Connect) session, as it uses the {@code SparkContext}.
 * Serializable (it travels inside Spark's closures) and immutable, so safe to share between threads.
 */
public final class SparkModel implements Serializable {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final String contentHash;
    private final Broadcast<byte[]> bytes;

    private SparkModel(String name, String contentHash, Broadcast<byte[]> bytes) {
        this.name = name;
        this.contentHash = contentHash;
        this.bytes = bytes;
    }

    /**
     * Broadcasts {@code model} (its model-file bytes) to the executors of {@code spark}.
     *
     * @throws IllegalArgumentException if {@code spark} is a Spark Connect session (no SparkContext)
     */
    public static SparkModel of(SparkSession spark, StanceModel model) {
        Objects.requireNonNull(spark, "spark");
        Objects.requireNonNull(model, "model");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            model.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serialise model " + model.metadata().name(), e);
        }
        String hash = contentHash(model);
        String name = model.metadata().name() + " (" + hash.substring(0, 12) + ")";
        JavaSparkContext context;
        try {
            context = JavaSparkContext.fromSparkContext(spark.sparkContext());
        } catch (UnsupportedOperationException e) {
            throw new IllegalArgumentException("a SparkModel needs a classic Spark session with a SparkContext; "
                    + "Spark Connect sessions are not supported", e);
        }
        return new SparkModel(name, hash, context.broadcast(out.toByteArray()));
    }

    /** Broadcasts one of the models bundled in the jar ({@link StanceModel#loadDefault}). */
    public static SparkModel bundled(SparkSession spark, Variant variant) {
        return of(spark, StanceModel.loadDefault(variant));
    }

    /** The model's name with the start of its content hash, e.g. {@code lexical (3f9a0c12d4e5)}. */
    public String name() {
        return name;
    }

    /**
     * SHA-256 (hex) of what the model computes: its metadata, network configuration and weights.
     * Two models with the same hash classify alike; executors key their classifiers by it.
     */
    public String contentHash() {
        return contentHash;
    }

    /**
     * Frees the broadcast on the driver and the executors. Jobs that use this model afterwards fail;
     * classifiers the executors already built stay cached (see {@link StanceSpark}).
     */
    public void destroy() {
        bytes.destroy();
    }

    /** The classifier of this JVM for this model, built from the broadcast bytes on first use. */
    StanceClassifier classifier() {
        return ExecutorModels.classifier(contentHash, name, bytes::value);
    }

    /** Content hash of a model: independent of zip timestamps, so equal models hash equal. */
    static String contentHash(StanceModel model) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM has no SHA-256", e);
        }
        update(sha, model.metadataJson());
        update(sha, model.networkConfiguration());
        for (Map.Entry<String, NetworkParams.Matrix> e : new TreeMap<>(model.params().matrices()).entrySet()) {
            NetworkParams.Matrix m = e.getValue();
            update(sha, e.getKey());
            ByteBuffer values = ByteBuffer.allocate(8 + 4 * m.data().length);
            values.putInt(m.rows()).putInt(m.cols());
            values.asFloatBuffer().put(m.data());
            sha.update(values.array());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private static void update(MessageDigest sha, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        sha.update(ByteBuffer.allocate(4).putInt(b.length).array());
        sha.update(b);
    }

    @Override
    public String toString() {
        return "SparkModel[" + name + "]";
    }
}
