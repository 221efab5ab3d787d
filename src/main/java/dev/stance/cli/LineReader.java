package dev.stance.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads UTF-8 lines from a stream one at a time, in bounded memory: a line that is not valid UTF-8
 * or longer than {@link #MAX_LINE_BYTES} becomes a {@link Line} with an error instead of stopping
 * the whole input. Strips a trailing CR and a leading BOM.
 */
final class LineReader {

    /** Longest line accepted, in bytes; the rest of a longer line is skipped. */
    static final int MAX_LINE_BYTES = 1 << 20;

    /**
     * One input line.
     *
     * @param number line number, from 1
     * @param text   the decoded text, or null when {@code error} is set
     * @param error  what is wrong with the line, or null
     */
    record Line(long number, String text, String error) {
    }

    private final InputStream in;
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private byte[] line = new byte[256];
    private long number;

    LineReader(InputStream in) {
        this.in = in;
    }

    /** The next line, or null at the end of the input. */
    Line next() throws IOException {
        int length = 0;
        boolean tooLong = false;
        boolean sawAny = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    if (!sawAny) {
                        return null;
                    }
                    break;
                }
            }
            sawAny = true;
            byte b = buffer[position++];
            if (b == '\n') {
                break;
            }
            if (length == MAX_LINE_BYTES) {
                tooLong = true;
                continue;
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, Math.min(MAX_LINE_BYTES, line.length * 2));
            }
            line[length++] = b;
        }
        number++;
        if (tooLong) {
            return new Line(number, null, "longer than " + MAX_LINE_BYTES + " bytes");
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        try {
            String text = decoder.decode(ByteBuffer.wrap(line, 0, length)).toString();
            if (number == 1 && text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return new Line(number, text, null);
        } catch (CharacterCodingException e) {
            return new Line(number, null, "not valid UTF-8");
        }
    }
}
