package dev.stance.model;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import dev.stance.Stance;
import dev.stance.features.LexicalConfig;

/**
 * Child process of {@link AtomicSaveTest}: saves two different large models to one path, over and
 * over, until it is killed. Prints "saved" once the file first exists.
 */
public final class SaveLoop {

    private SaveLoop() {
    }

    /** Model {@code name} ("a" or "b"): big enough that one save takes a while. */
    static StanceModel model(String name) {
        LexicalConfig lexical = new LexicalConfig(1 << 17, 5, true);
        Architecture a = new Architecture(LexicalConfig.ID, lexical, 16, null, List.of());
        Random r = new Random(name.hashCode());
        float[] emb = new float[(1 << 17) * 16];
        for (int i = 0; i < emb.length; i++) {
            emb[i] = r.nextFloat();
        }
        NetworkParams params = new NetworkParams(Map.of(
                "emb_W", new NetworkParams.Matrix(1 << 17, 16, emb),
                "out_W", new NetworkParams.Matrix(16, 5, new float[80]),
                "out_b", new NetworkParams.Matrix(1, 5, new float[5])));
        ModelMetadata m = new ModelMetadata(StanceModel.FORMAT_VERSION, name, "test", "2026-01-01T00:00:00Z",
                Arrays.stream(Stance.values()).map(Enum::name).toList(), a, Calibration.identity(),
                new ModelMetadata.Provenance("", Map.of(), Map.of(), 0, 0, 0, Map.of(), Map.of()));
        return new StanceModel(m, "{}", params);
    }

    public static void main(String[] args) throws Exception {
        Path path = Path.of(args[0]);
        StanceModel[] models = {model("a"), model("b")};
        for (long i = 0; ; i++) {
            models[(int) (i % 2)].save(path);
            if (i == 0) {
                System.out.println("saved");
                System.out.flush();
            }
        }
    }
}
