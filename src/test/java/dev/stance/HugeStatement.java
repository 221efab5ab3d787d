package dev.stance;

import java.io.Reader;
import java.util.List;

/**
 * Child process of {@link HugeInputTest}: analyses a generated statement of {@code args[0]}
 * characters with the FAST model without ever holding it in memory, and prints
 * {@code sentences=N chars=M lastEnd=E}.
 */
public final class HugeStatement {

    private HugeStatement() {
    }

    /** Endless text cycling through a few sentences, cut at {@code length} characters. */
    static Reader generated(long length) {
        List<String> sentences = List.of("We firmly reject these baseless allegations. ",
                "The minister will travel to Nairobi on Monday.\n", "We call on both sides to return to the table. ",
                "Two drones struck a depot near the airport overnight. ");
        return new Reader() {
            long produced;
            int sentence;
            int offset;

            @Override
            public int read(char[] buffer, int off, int len) {
                if (produced >= length) {
                    return -1;
                }
                int n = 0;
                while (n < len && produced < length) {
                    String s = sentences.get(sentence);
                    buffer[off + n++] = s.charAt(offset++);
                    produced++;
                    if (offset == s.length()) {
                        offset = 0;
                        sentence = (sentence + 1) % sentences.size();
                    }
                }
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    public static void main(String[] args) throws Exception {
        long length = Long.parseLong(args[0]);
        StanceClassifier classifier = StanceClassifier.loadDefault(Variant.FAST);
        long[] counts = new long[2];
        classifier.analyze(generated(length), s -> {
            counts[0]++;
            counts[1] = s.end();
        });
        System.out.println("sentences=" + counts[0] + " chars=" + length + " lastEnd=" + counts[1]);
    }
}
