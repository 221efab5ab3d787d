package dev.stance.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.stance.Prediction;
import dev.stance.StanceClassifier;
import dev.stance.Variant;

/**
 * Loading and running the FAST model never touches ND4J/DL4J (training only) or ONNX Runtime
 * (encoder models only): checked in a fresh JVM that logs every class it loads.
 */
class FastPathIsolationTest {

    private static final List<String> HEAVY = List.of("org.nd4j.", "org.deeplearning4j.", "org.bytedeco.",
            "ai.onnxruntime.", "ai.djl.");

    /** Run in the child JVM: load FAST, classify, analyze. */
    public static void main(String[] args) {
        StanceClassifier classifier = StanceClassifier.loadDefault(Variant.FAST);
        List<Prediction> p = classifier.classifyAll(List.of("We reject these allegations.", "Talks resume today."));
        classifier.analyze("We condemn the attack. We call for talks.");
        System.out.println("classified " + p.size());
    }

    @Test
    void theFastModelLoadsNeitherNd4jNorOnnx() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-Xlog:class+load=info", "-cp", System.getProperty("java.class.path"),
                FastPathIsolationTest.class.getName())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out.lines().filter(l -> !l.startsWith("[")).toList().toString());
        assertTrue(out.contains("classified 2"), "the child ran");
        assertTrue(out.contains(" dev.stance.model.HeadNetwork "), "the log lists our classes");
        for (String pkg : HEAVY) {
            List<String> loaded = out.lines().filter(l -> l.contains(" " + pkg)).limit(3).toList();
            assertTrue(loaded.isEmpty(), "FAST path loaded " + pkg + ": " + loaded);
        }
    }
}
