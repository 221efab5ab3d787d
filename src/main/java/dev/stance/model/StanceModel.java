package dev.stance.model;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import dev.stance.Prediction;
import dev.stance.Stance;
import dev.stance.StanceClassifier;
import dev.stance.Variant;
import dev.stance.features.EncoderAdaptation;
import dev.stance.features.EncoderSpec;
import dev.stance.features.Encoders;
import dev.stance.features.Features;
import dev.stance.features.Featurizer;
import dev.stance.features.LexicalFeaturizer;

/**
 * A trained stance model: the network's configuration and weights, its calibration, and the
 * metadata that says what made it. One zip file holds it:
 * <ul>
 *   <li>{@code model.json}: {@link ModelMetadata} (format version, labels, features, provenance);</li>
 *   <li>{@code network.json}: the Deeplearning4j {@code ComputationGraphConfiguration};</li>
 *   <li>{@code params.bin}: the weights by parameter name ({@link NetworkParams});</li>
 *   <li>{@code encoder.bin}, when the encoder's top layers were trained: their weights
 *       ({@link EncoderAdaptation}), checked against the SHA-256 in the metadata.</li>
 * </ul>
 * Loading validates all of it before anything runs; saving is atomic. Immutable and thread-safe.
 */
public final class StanceModel {

    /** Version of the file format this library writes; it reads this one only. */
    public static final int FORMAT_VERSION = 1;


    static final String METADATA_ENTRY = "model.json";
    static final String NETWORK_ENTRY = "network.json";
    static final String PARAMS_ENTRY = "params.bin";
    static final String ENCODER_ENTRY = "encoder.bin";

    // Limits that keep a forged or damaged file from exhausting memory.
    private static final int MAX_JSON_BYTES = 4 << 20;
    private static final long MAX_PARAM_VALUES = 64L << 20;
    private static final long MAX_ENCODER_BYTES = 256L << 20;
    private static final int MAX_ENTRIES = 16;

    static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final ModelMetadata metadata;
    private final String networkConfiguration;
    private final NetworkParams params;
    private final EncoderAdaptation adaptation;
    private final HeadNetwork network;

    /** Assembles a model whose encoder (if any) runs as pretrained; see the four-argument form. */
    public StanceModel(ModelMetadata metadata, String networkConfiguration, NetworkParams params) {
        this(metadata, networkConfiguration, params, null);
    }

    /**
     * Assembles a model from its parts, checking that they fit together.
     *
     * @param adaptation the encoder's trained top layers, or null; must match
     *                   {@link Architecture#encoderAdaptation()}
     * @throws IllegalArgumentException if the labels, format, weight shapes or encoder adaptation do
     *                                  not match the metadata
     */
    public StanceModel(ModelMetadata metadata, String networkConfiguration, NetworkParams params,
                       EncoderAdaptation adaptation) {
        this.metadata = Objects.requireNonNull(metadata, "metadata");
        this.networkConfiguration = Objects.requireNonNull(networkConfiguration, "networkConfiguration");
        this.params = Objects.requireNonNull(params, "params");
        this.adaptation = adaptation;
        String expectedSha = metadata.architecture().encoderAdaptation();
        if (expectedSha == null && adaptation != null) {
            throw new IllegalArgumentException("an encoder adaptation was given but the metadata records none");
        }
        if (expectedSha != null && adaptation == null) {
            throw new IllegalArgumentException("the metadata records an encoder adaptation (" + ENCODER_ENTRY
                    + ") that is missing");
        }
        if (expectedSha != null && !expectedSha.equals(adaptation.sha256())) {
            throw new IllegalArgumentException(ENCODER_ENTRY + " has SHA-256 " + adaptation.sha256()
                    + " but the metadata records " + expectedSha);
        }
        List<String> expected = Arrays.stream(Stance.values()).map(Enum::name).toList();
        if (!metadata.labels().equals(expected)) {
            throw new IllegalArgumentException("labels " + metadata.labels() + " differ from this library's " + expected);
        }
        this.network = new HeadNetwork(metadata.architecture(), params, metadata.calibration());
    }

    public ModelMetadata metadata() {
        return metadata;
    }

    /** The Deeplearning4j {@code ComputationGraphConfiguration} as JSON. */
    public String networkConfiguration() {
        return networkConfiguration;
    }

    /** The trained weights. */
    public NetworkParams params() {
        return params;
    }

    /** The encoder's trained top layers, or null when the encoder runs as pretrained. */
    public EncoderAdaptation encoderAdaptation() {
        return adaptation;
    }

    /**
     * Builds the runtime for this model. Cheap for lexical models; with an encoder it opens an
     * ONNX session (shared by every classifier of the same encoder). Keep and reuse the result.
     */
    public StanceClassifier classifier() {
        Architecture a = metadata.architecture();
        LexicalFeaturizer lexical = a.lexical() == null ? null : new LexicalFeaturizer(a.lexical());
        return new ModelClassifier(new Featurizer(lexical,
                a.encoder() == null ? null : Encoders.get(a.encoder(), adaptation)), network);
    }

    /**
     * Raw network outputs (before calibration) for precomputed features, one row per sentence in
     * {@link dev.stance.Stance} order. For fitting a calibration; classifying is {@link #classifier()}'s job.
     */
    public double[][] logits(Features features) {
        double[][] out = new double[features.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = network.logits(features.ids() == null ? null : features.ids()[i],
                    features.encoded() == null ? null : features.encoded()[i]);
        }
        return out;
    }

    /** Calibrated predictions for precomputed features, one per sentence. */
    public List<Prediction> predict(Features features) {
        return metadata.calibration().predictions(logits(features));
    }

    /** The same model with another calibration. */
    public StanceModel withCalibration(Calibration calibration) {
        ModelMetadata m = metadata;
        return new StanceModel(new ModelMetadata(m.formatVersion(), m.name(), m.libraryVersion(), m.createdAt(),
                m.labels(), m.architecture(), calibration, m.provenance()), networkConfiguration, params, adaptation);
    }

    /**
     * The same model with one more entry in its recorded metrics, e.g. a measurement on an
     * external evaluation set ({@code "measured:real-dev.tsv"}).
     */
    public StanceModel withMetric(String name, Map<String, Object> summary) {
        ModelMetadata.Provenance p = metadata.provenance();
        Map<String, Object> metrics = new LinkedHashMap<>(p.metrics());
        metrics.put(name, summary);
        return withProvenance(new ModelMetadata.Provenance(p.dataSha256(), p.counts(), p.trainingConfig(), p.seed(),
                p.bestEpoch(), p.trainingSeconds(), metrics, p.environment()));
    }

    /** The same model with other provenance. */
    public StanceModel withProvenance(ModelMetadata.Provenance provenance) {
        ModelMetadata m = metadata;
        return new StanceModel(new ModelMetadata(m.formatVersion(), m.name(), m.libraryVersion(), m.createdAt(),
                m.labels(), m.architecture(), m.calibration(), provenance), networkConfiguration, params, adaptation);
    }

    /**
     * Loads and validates a model file.
     *
     * @throws ModelFormatException naming the file and the problem: missing, not a zip, truncated,
     *                              not a stance model, newer format, incompatible features
     * @throws IOException          on a read error
     */
    public static StanceModel load(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new ModelFormatException(file + ": no such model file");
        }
        // ZipFile reads the central directory at the end, so a truncated file is caught here even
        // when the cut falls after the last entry.
        try (ZipFile zip = new ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            if (zip.size() > MAX_ENTRIES) {
                throw new ModelFormatException(file + ": more than " + MAX_ENTRIES + " entries; not a stance model");
            }
            Parts parts = new Parts(file.toString());
            for (String name : List.of(METADATA_ENTRY, NETWORK_ENTRY, PARAMS_ENTRY, ENCODER_ENTRY)) {
                ZipEntry entry = zip.getEntry(name);
                if (entry != null) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        parts.accept(name, in);
                    }
                }
            }
            return parts.build();
        } catch (ZipException e) {
            throw new ModelFormatException(file + ": not a model file (empty, truncated or not a zip archive: "
                    + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new ModelFormatException(file + ": model file is truncated", e);
        }
    }

    /**
     * A model bundled in this jar ({@code models/<file>} of the source tree, on the classpath under
     * {@code /dev/stance/models/}).
     *
     * @throws IllegalStateException if it is missing or unreadable (a broken build)
     */
    public static StanceModel loadDefault(Variant variant) {
        String resource = "/dev/stance/models/" + variant.fileName();
        try (InputStream in = StanceModel.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the bundled model " + resource
                        + " is not on the classpath; was the jar built without models/" + variant.fileName() + "?");
            }
            return read(in, "bundled model " + resource);
        } catch (IOException e) {
            throw new IllegalStateException("cannot load the bundled model: " + e.getMessage(), e);
        }
    }

    /**
     * Reads a model from a stream (the zip format above).
     *
     * @param source name of the stream for error messages (e.g. a path)
     */
    public static StanceModel read(InputStream in, String source) throws IOException {
        Parts parts = new Parts(source);
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > MAX_ENTRIES) {
                    throw new ModelFormatException(source + ": more than " + MAX_ENTRIES + " entries; not a stance model");
                }
                parts.accept(entry.getName(), zip);
            }
        } catch (ZipException e) {
            throw new ModelFormatException(source + ": not a model file (damaged or not a zip archive: "
                    + e.getMessage() + ")", e);
        } catch (EOFException e) {
            throw new ModelFormatException(source + ": model file is truncated", e);
        }
        return parts.build();
    }

    /** The entries of a model file as they are read; unknown entries are skipped, never extracted. */
    private static final class Parts {
        private final String source;
        private byte[] metadata;
        private byte[] network;
        private NetworkParams params;
        private EncoderAdaptation adaptation;

        Parts(String source) {
            this.source = source;
        }

        void accept(String name, InputStream in) throws IOException {
            switch (name) {
                case METADATA_ENTRY -> metadata = readBounded(in, MAX_JSON_BYTES, source, name);
                case NETWORK_ENTRY -> network = readBounded(in, MAX_JSON_BYTES, source, name);
                case PARAMS_ENTRY -> params = readParams(in, source);
                case ENCODER_ENTRY -> adaptation = readAdaptation(in, source);
                default -> {
                    // Not ours: ignored.
                }
            }
        }

        StanceModel build() throws ModelFormatException {
            if (metadata == null) {
                throw new ModelFormatException(source + ": not a stance-classifier model (no " + METADATA_ENTRY
                        + "; empty, truncated or another kind of file)");
            }
            ModelMetadata parsed = parseMetadata(metadata, source);
            EncoderSpec encoder = parsed.architecture().encoder();
            if (encoder != null) {
                Optional<String> problem = Encoders.incompatibility(encoder);
                if (problem.isPresent()) {
                    throw new ModelFormatException(source + ": " + problem.get());
                }
            }
            if (network == null || params == null) {
                throw new ModelFormatException(source + ": incomplete model (missing "
                        + (network == null ? NETWORK_ENTRY : PARAMS_ENTRY) + "); the file may be truncated");
            }
            try {
                return new StanceModel(parsed, new String(network, StandardCharsets.UTF_8), params, adaptation);
            } catch (IllegalArgumentException e) {
                throw new ModelFormatException(source + ": inconsistent model: " + e.getMessage(), e);
            }
        }
    }

    private static ModelMetadata parseMetadata(byte[] bytes, String source) throws ModelFormatException {
        int version;
        try {
            version = JSON.readTree(bytes).path("formatVersion").asInt(-1);
        } catch (IOException e) {
            throw new ModelFormatException(source + ": " + METADATA_ENTRY + " is not valid JSON: " + e.getMessage(), e);
        }
        if (version > FORMAT_VERSION) {
            throw new ModelFormatException(source + ": format version " + version
                    + " is newer than this library supports (" + FORMAT_VERSION + "); upgrade stance-classifier");
        }
        if (version != FORMAT_VERSION) {
            throw new ModelFormatException(source + ": format version " + version
                    + " is not supported (this library reads " + FORMAT_VERSION + ")");
        }
        try {
            return JSON.readValue(bytes, ModelMetadata.class);
        } catch (JsonProcessingException e) {
            Throwable cause = e.getCause() instanceof IllegalArgumentException ? e.getCause() : e;
            throw new ModelFormatException(source + ": " + METADATA_ENTRY + " is not valid: "
                    + cause.getMessage().lines().findFirst().orElse(""), e);
        } catch (IOException e) {
            throw new ModelFormatException(source + ": cannot read " + METADATA_ENTRY + ": " + e.getMessage(), e);
        }
    }

    private static NetworkParams readParams(InputStream zip, String source) throws IOException {
        try {
            return NetworkParams.read(zip, MAX_PARAM_VALUES);
        } catch (ZipException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException(source + ": " + e.getMessage(), e);
        }
    }

    private static EncoderAdaptation readAdaptation(InputStream zip, String source) throws IOException {
        try {
            return EncoderAdaptation.read(zip, source + ": " + ENCODER_ENTRY, MAX_ENCODER_BYTES);
        } catch (ZipException e) {
            throw e;
        } catch (IOException e) {
            throw new ModelFormatException(e.getMessage(), e);
        }
    }

    private static byte[] readBounded(InputStream in, int max, String source, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        int n;
        while ((n = in.read(buffer)) > 0) {
            if (out.size() + n > max) {
                throw new ModelFormatException(source + ": " + name + " is larger than " + max + " bytes");
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /**
     * Writes the model to {@code target} atomically: the bytes go to a temporary file beside it,
     * are flushed to disk, and the temporary file is then moved over {@code target}. A crash at any
     * point leaves either the old file or the new one, never a mixture.
     */
    public void save(Path target) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + absolute.getFileName() + ".", ".tmp");
        boolean moved = false;
        try {
            try {
                // Temporary files are private; a model is an ordinary, readable file.
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (UnsupportedOperationException e) {
                // Not a POSIX file system: keep the defaults.
            }
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = Channels.newOutputStream(channel)) {
                writeTo(out);
                out.flush();
                channel.force(true);
            }
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** Writes the zip format to a stream (not atomic; {@link #save} is). */
    public void writeTo(OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
        zip.putNextEntry(entry(METADATA_ENTRY));
        zip.write(JSON.writeValueAsBytes(metadata));
        zip.closeEntry();
        zip.putNextEntry(entry(NETWORK_ENTRY));
        zip.write(networkConfiguration.getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        zip.putNextEntry(entry(PARAMS_ENTRY));
        params.write(zip);
        zip.closeEntry();
        if (adaptation != null) {
            zip.putNextEntry(entry(ENCODER_ENTRY));
            adaptation.write(zip);
            zip.closeEntry();
        }
        zip.finish();
    }

    /** An entry stamped with the model's creation time, so that one model always writes the same bytes. */
    private ZipEntry entry(String name) {
        ZipEntry e = new ZipEntry(name);
        long time;
        try {
            time = Instant.parse(metadata.createdAt()).toEpochMilli();
        } catch (DateTimeParseException | NullPointerException ex) {
            time = 0;
        }
        e.setTime(time);
        return e;
    }

    /** The metadata as JSON, as stored in the file. */
    public String metadataJson() {
        try {
            return JSON.writeValueAsString(metadata);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
