package dev.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 20 MB statement is analysed in a JVM whose heap could not even hold it as a String. */
class HugeInputTest {

    @Test
    void aTwentyMegabyteStatementStreamsThroughA96MegabyteHeap(@TempDir Path dir) throws IOException, InterruptedException {
        long length = 20L << 20;
        Path err = dir.resolve("stderr.txt");
        Process child = ChildJvm.start(List.of("-Xmx96m"), err, HugeStatement.class.getName(), Long.toString(length));
        String out = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        assertTrue(child.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, child.exitValue(), Files.readString(err));
        // 20 MiB of ~49-character sentences: about 430,000 of them, the last ending at the end of the text.
        String[] fields = out.split(" ");
        long sentences = Long.parseLong(fields[0].substring("sentences=".length()));
        long lastEnd = Long.parseLong(fields[2].substring("lastEnd=".length()));
        assertTrue(sentences > 400_000, out);
        assertTrue(lastEnd > length - 60 && lastEnd <= length, out);
    }
}
