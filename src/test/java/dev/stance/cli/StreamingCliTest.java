package dev.stance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.stance.ChildJvm;

/** The command line over large standard input, in a separate small-heap JVM, and bad input lines. */
class StreamingCliTest {

    @TempDir
    Path dir;

    static final byte[] LINE = "We call on both sides to return to the negotiating table.\n".getBytes(StandardCharsets.UTF_8);

    @Test
    void classifyStreamsAMillionLinesThrough256Megabytes() throws Exception {
        Path err = dir.resolve("err.txt");
        Process child = ChildJvm.start(List.of("-Xmx256m"), err, Main.class.getName(), "classify", "--fast");
        CountDownLatch firstResultSeen = new CountDownLatch(1);
        Thread feeder = new Thread(() -> {
            try (OutputStream in = child.getOutputStream()) {
                // A first batch, then wait: results must appear before the input ends.
                for (int i = 0; i < 1000; i++) {
                    in.write(LINE);
                }
                in.flush();
                firstResultSeen.await();
                byte[] block = new byte[LINE.length * 1000];
                for (int i = 0; i < 1000; i++) {
                    System.arraycopy(LINE, 0, block, i * LINE.length, LINE.length);
                }
                for (int i = 1; i < 1000; i++) {
                    in.write(block);
                }
            } catch (IOException | InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        feeder.start();
        BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
        String first = out.readLine(); // arrives while stdin is still open
        assertTrue(first != null && first.startsWith("{\"text\":"), String.valueOf(first));
        firstResultSeen.countDown();
        long lines = 1;
        while (out.readLine() != null) {
            lines++;
        }
        assertTrue(child.waitFor(10, TimeUnit.MINUTES));
        assertEquals(0, child.exitValue(), Files.readString(err));
        assertEquals(1_000_000, lines);
    }

    @Test
    void aBadLineIsReportedWithItsNumberAndTheRestGoesOn() {
        byte[] input = concat("first line is fine\n", new byte[]{'b', 'a', 'd', ' ', (byte) 0xFF, '\n'}, "third is fine\n");
        MainTest.Run keepGoing = MainTest.runWithBytes(input, "classify", "--fast");
        assertEquals(1, keepGoing.code(), keepGoing.err());
        assertEquals("error: stdin:2: not valid UTF-8", keepGoing.err().strip());
        assertEquals(2, keepGoing.outLines().size());
        MainTest.Run stop = MainTest.runWithBytes(input, "classify", "--fast", "--fail-fast");
        assertEquals(1, stop.code());
        assertEquals(1, stop.outLines().size());
    }

    private static byte[] concat(String a, byte[] b, String c) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a.getBytes(StandardCharsets.UTF_8));
        out.writeBytes(b);
        out.writeBytes(c.getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }
}
