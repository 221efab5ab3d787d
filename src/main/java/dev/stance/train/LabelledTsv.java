package dev.stance.train;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import dev.stance.LabelledSentence;
import dev.stance.Stance;

/**
 * Reads labelled sentences from a TSV file: UTF-8 (with or without BOM, LF or CRLF), a header whose
 * first two columns are {@code label} and {@code text}, then one sentence per line; extra columns
 * named in the header are ignored; blank lines and lines starting with {@code #} are skipped.
 * Every bad line is reported with its file and line number.
 */
public final class LabelledTsv {

    private LabelledTsv() {
    }

    /**
     * All labelled sentences of {@code file}, in order, each with source {@code name:line}.
     *
     * @throws DataFormatException listing every bad line (unknown label, missing text, wrong column
     *                             count, invalid UTF-8, missing header, no sentences at all)
     * @throws IOException         if the file cannot be read
     */
    public static List<LabelledSentence> read(Path file) throws IOException {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new DataFormatException(file + ": no such file");
        }
        List<String> problems = new ArrayList<>();
        List<LabelledSentence> out = new ArrayList<>();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        int columns = -1;
        int lineNo = 0;
        int start = 0;
        while (start < bytes.length) {
            int end = start;
            while (end < bytes.length && bytes[end] != '\n') {
                end++;
            }
            lineNo++;
            String where = name + ":" + lineNo;
            String line;
            try {
                line = decoder.decode(ByteBuffer.wrap(bytes, start, end - start)).toString();
            } catch (CharacterCodingException e) {
                problems.add(where + ": not valid UTF-8 (save the file as UTF-8)");
                start = end + 1;
                continue;
            }
            start = end + 1;
            if (lineNo == 1 && line.startsWith("\uFEFF")) {
                line = line.substring(1);
            }
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t", -1);
            if (columns < 0) {
                if (cells.length < 2 || !cells[0].trim().equalsIgnoreCase("label")
                        || !cells[1].trim().equalsIgnoreCase("text")) {
                    problems.add(where + ": expected the header \"label<TAB>text\" (optionally with more columns), found \""
                            + abbreviate(line) + "\"");
                    break;
                }
                columns = cells.length;
                continue;
            }
            if (cells.length != columns) {
                problems.add(where + ": expected " + columns + " tab-separated columns as in the header, found "
                        + cells.length);
                continue;
            }
            String label = cells[0].trim();
            String text = cells[1].trim();
            Stance stance;
            try {
                stance = Stance.parse(label);
            } catch (IllegalArgumentException e) {
                problems.add(where + ": " + e.getMessage());
                continue;
            }
            if (text.isEmpty()) {
                problems.add(where + ": missing text");
                continue;
            }
            out.add(new LabelledSentence(stance, text, where));
        }
        if (problems.isEmpty() && columns < 0) {
            problems.add(name + ": empty file (expected a header \"label<TAB>text\" and labelled sentences)");
        } else if (problems.isEmpty() && out.isEmpty()) {
            problems.add(name + ": no labelled sentences after the header");
        }
        if (!problems.isEmpty()) {
            throw new DataFormatException(problems);
        }
        return out;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}
