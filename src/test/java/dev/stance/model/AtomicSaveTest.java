package dev.stance.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stance.ChildJvm;
import dev.stance.TestCorpus;

/**
 * Kills a separate JVM with SIGKILL while it writes model files, then checks that the file on disk
 * is always a complete model: the old one or the new one, never a mixture.
 */
class AtomicSaveTest {

    @TempDir
    Path dir;

    @Test
    void aProcessKilledWhileSavingLeavesACompleteModel() throws Exception {
        Path file = dir.resolve("model.zip");
        float[] a = SaveLoop.model("a").params().matrices().get("emb_W").data();
        float[] b = SaveLoop.model("b").params().matrices().get("emb_W").data();
        Random random = new Random(11);
        for (int round = 0; round < 6; round++) {
            Process child = ChildJvm.start(List.of("-Xmx512m"), null, SaveLoop.class.getName(), file.toString());
            BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
            String first = out.readLine();
            assertTrue("saved".equals(first), "child said: " + first);
            Thread.sleep(random.nextInt(400));
            child.destroyForcibly(); // SIGKILL: no shutdown hooks, no finally blocks
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            StanceModel loaded = StanceModel.load(file);
            float[] data = loaded.params().matrices().get("emb_W").data();
            assertArrayEquals(loaded.metadata().name().equals("a") ? a : b, data, "round " + round);
        }
    }

    @Test
    void aRetrainKilledAtAnyPointLeavesThePreviousModelUnchanged() throws Exception {
        Path corpus = TestCorpus.writeSplits(dir.resolve("corpus"), TestCorpus.small(20));
        Path file = dir.resolve("model.zip");
        SaveLoop.model("a").save(file);
        byte[] before = Files.readAllBytes(file);
        Random random = new Random(5);
        for (int round = 0; round < 3; round++) {
            Process child = ChildJvm.start(List.of("-Xmx512m"), null, "dev.stance.cli.Main", "train", "--data",
                    corpus.toString(), "--out", file.toString(), "--epochs", "50");
            Thread.sleep(500 + random.nextInt(2500));
            child.destroyForcibly();
            assertTrue(child.waitFor(30, TimeUnit.SECONDS));
            assertArrayEquals(before, Files.readAllBytes(file), "round " + round);
            StanceModel.load(file);
        }
    }
}
