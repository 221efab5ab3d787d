package dev.stance;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import dev.stance.model.StanceModel;

/**
 * Labels sentences of official statements with the {@link Stance} they take.
 *
 * <pre>{@code
 * StanceClassifier classifier = StanceClassifier.loadDefault();
 * Prediction p = classifier.classify("We categorically reject these baseless allegations.");
 * p.stance();        // DENIAL
 * p.confidence();    // e.g. 0.93
 *
 * StatementAnalysis a = classifier.analyze(statementText);
 * for (SentenceAnalysis s : a.sentences()) {
 *     System.out.println(s.begin() + "-" + s.end() + " " + s.prediction().stance() + " " + s.text());
 * }
 * a.stances();       // e.g. [DENIAL, CALL_FOR_NEGOTIATION]
 * }</pre>
 *
 * <p><b>Thread safety:</b> instances are immutable and safe to share between any number of
 * threads; concurrent calls give exactly the results of sequential ones. Load once, reuse.
 *
 * <p><b>Odd input:</b> {@code null} is rejected with {@link IllegalArgumentException}. Text without
 * any token (empty, white space only) is {@link Stance#NONE} with confidence 1. Text in other
 * languages or scripts is classified like any other (usually NONE; the model knows English).
 * Only the first {@value dev.stance.text.Tokenizer#MAX_TOKENS} tokens of a sentence count.
 */
public interface StanceClassifier {

    /**
     * The default model bundled in the jar: {@link Variant#ACCURATE}.
     *
     * @throws IllegalStateException if the bundled model is missing or damaged (a broken build)
     */
    static StanceClassifier loadDefault() {
        return loadDefault(Variant.ACCURATE);
    }

    /**
     * One of the models bundled in the jar.
     *
     * @throws IllegalStateException if the bundled model is missing or damaged (a broken build)
     */
    static StanceClassifier loadDefault(Variant variant) {
        return StanceModel.loadDefault(variant).classifier();
    }

    /**
     * A model file written by {@link StanceModel#save} (or the {@code train} command).
     *
     * @throws dev.stance.model.ModelFormatException if the file is not a usable model, naming the problem
     * @throws IOException                           if it cannot be read
     */
    static StanceClassifier load(Path modelFile) throws IOException {
        return StanceModel.load(modelFile).classifier();
    }

    /** The stance of one sentence. */
    Prediction classify(String sentence);

    /**
     * The stances of many sentences, computed in batches; element {@code i} is exactly
     * {@code classify(sentences.get(i))}.
     *
     * @throws IllegalArgumentException if the list or any element is null
     */
    List<Prediction> classifyAll(List<String> sentences);

    /**
     * Splits a statement into sentences (OpenNLP's English sentence detector) and labels each,
     * with character offsets into {@code statement}.
     *
     * @throws IllegalArgumentException if {@code statement} is null
     */
    StatementAnalysis analyze(String statement);

    /**
     * Streaming form of {@link #analyze(String)} for statements of any size (a scraped archive, a
     * 20 MB file): reads {@code statement} in chunks, splits and labels sentences as it goes and hands
     * each to {@code sink} in text order, with offsets into the whole stream. Memory stays bounded
     * by the chunk size, whatever the input length. A run of more than
     * {@value #MAX_SENTENCE_CHARS} characters without a sentence boundary is cut there.
     *
     * @throws IllegalArgumentException if an argument is null, or the stream exceeds {@link Integer#MAX_VALUE} characters
     * @throws IOException              if reading fails (sentences before the failure have been delivered)
     */
    void analyze(Reader statement, Consumer<SentenceAnalysis> sink) throws IOException;

    /** Longest sentence {@link #analyze(java.io.Reader, java.util.function.Consumer)} keeps whole, in characters. */
    int MAX_SENTENCE_CHARS = 1 << 20;
}
