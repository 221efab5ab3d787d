package dev.stance.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class SentenceSplitterTest {

    private final SentenceSplitter splitter = new SentenceSplitter();

    @Test
    void splitsAStatementWithOffsetsIntoTheOriginal() {
        String text = "  We reject the report. Dr. Smith met the envoy in Geneva on Monday!\nTalks will resume?  ";
        List<TextSpan> spans = splitter.split(text);
        assertEquals(3, spans.size(), spans.toString());
        assertEquals("We reject the report.", text.substring(spans.get(0).begin(), spans.get(0).end()));
        assertEquals("Dr. Smith met the envoy in Geneva on Monday!",
                text.substring(spans.get(1).begin(), spans.get(1).end()));
        assertEquals("Talks will resume?", text.substring(spans.get(2).begin(), spans.get(2).end()));
    }

    @Test
    void blankTextHasNoSentences() {
        assertTrue(splitter.split("").isEmpty());
        assertTrue(splitter.split(" \n\t ").isEmpty());
    }
}
