package dev.stance.text;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import opennlp.tools.sentdetect.SentenceModel;
import opennlp.tools.sentdetect.ThreadSafeSentenceDetectorME;
import opennlp.tools.util.Span;

/**
 * Splits a statement into sentences with OpenNLP's English sentence detector (the UD-EWT model
 * from Maven Central, loaded from the classpath, never downloaded).
 *
 * <p>Thread-safe: OpenNLP's detector keeps per-call state, so each thread gets its own through
 * {@link ThreadSafeSentenceDetectorME}; in long-lived thread pools that costs one small detector
 * per thread.
 */
public final class SentenceSplitter {

    /** Classpath location of the model inside {@code opennlp-models-sentdetect-en}. */
    static final String MODEL_RESOURCE = "/opennlp-en-ud-ewt-sentence-1.3-2.5.4.bin";

    private static final class Holder {
        // Loaded on the first split, not when a classifier is built (classifying single sentences
        // never needs it): the model costs ~20 ms and a few MB, and is shared by every splitter.
        static final ThreadSafeSentenceDetectorME DETECTOR = new ThreadSafeSentenceDetectorME(loadModel());
    }

    /**
     * The sentences of {@code text}, trimmed of surrounding white space, in order; empty for a blank text.
     */
    public List<TextSpan> split(String text) {
        Span[] spans = Holder.DETECTOR.sentPosDetect(text);
        List<TextSpan> out = new ArrayList<>(spans.length);
        for (Span span : spans) {
            int begin = span.getStart();
            int end = span.getEnd();
            while (begin < end && Character.isWhitespace(text.charAt(begin))) {
                begin++;
            }
            while (end > begin && Character.isWhitespace(text.charAt(end - 1))) {
                end--;
            }
            if (end > begin) {
                out.add(new TextSpan(begin, end));
            }
        }
        return out;
    }

    private static SentenceModel loadModel() {
        try (InputStream in = SentenceSplitter.class.getResourceAsStream(MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("OpenNLP sentence model " + MODEL_RESOURCE
                        + " is not on the classpath (artifact org.apache.opennlp:opennlp-models-sentdetect-en)");
            }
            return new SentenceModel(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read OpenNLP sentence model " + MODEL_RESOURCE, e);
        }
    }
}
