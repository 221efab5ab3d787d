package dev.stance.model;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.stance.Prediction;
import dev.stance.SentenceAnalysis;
import dev.stance.Stance;
import dev.stance.StanceClassifier;
import dev.stance.StatementAnalysis;
import dev.stance.features.Features;
import dev.stance.features.Featurizer;
import dev.stance.text.SentenceSplitter;
import dev.stance.text.TextSpan;

/** The runtime of a loaded model. Immutable; thread-safe because all its parts are. */
final class ModelClassifier implements StanceClassifier {

    /** Sentences featurized and scored together; bounds memory on long lists. */
    static final int BATCH = 256;
    /** Characters read and split at a time by the streaming analysis. */
    static final int CHUNK_CHARS = 1 << 16;

    private static final Prediction NO_TEXT;

    static {
        double[] p = new double[Stance.values().length];
        p[Stance.NONE.ordinal()] = 1.0;
        NO_TEXT = Prediction.fromProbabilities(p);
    }

    private final Featurizer featurizer;
    private final HeadNetwork network;
    private final SentenceSplitter splitter = new SentenceSplitter();

    ModelClassifier(Featurizer featurizer, HeadNetwork network) {
        this.featurizer = featurizer;
        this.network = network;
    }

    @Override
    public Prediction classify(String sentence) {
        if (sentence == null) {
            throw new IllegalArgumentException("sentence is null");
        }
        return classifyAll(List.of(sentence)).get(0);
    }

    @Override
    public List<Prediction> classifyAll(List<String> sentences) {
        if (sentences == null) {
            throw new IllegalArgumentException("sentences is null");
        }
        List<Prediction> out = new ArrayList<>(sentences.size());
        List<String> batch = new ArrayList<>(Math.min(BATCH, sentences.size()));
        for (int i = 0; i < sentences.size(); i++) {
            String s = sentences.get(i);
            if (s == null) {
                throw new IllegalArgumentException("sentence " + i + " is null");
            }
            batch.add(s);
            if (batch.size() == BATCH) {
                score(batch, out);
                batch.clear();
            }
        }
        if (!batch.isEmpty()) {
            score(batch, out);
        }
        return out;
    }

    private void score(List<String> batch, List<Prediction> out) {
        // Sentences without text skip the featurizer (the encoder would embed "" as something).
        List<String> texts = new ArrayList<>(batch.size());
        for (String s : batch) {
            if (!s.isBlank()) {
                texts.add(s);
            }
        }
        Features features = texts.isEmpty() ? null : featurizer.featurize(texts);
        int row = 0;
        for (String s : batch) {
            if (s.isBlank()) {
                out.add(NO_TEXT);
                continue;
            }
            int[] ids = features.ids() == null ? null : features.ids()[row];
            float[] encoded = features.encoded() == null ? null : features.encoded()[row];
            row++;
            if (ids != null && ids.length == 0 && encoded == null) {
                out.add(NO_TEXT);
            } else {
                out.add(Prediction.fromProbabilities(network.probabilities(ids, encoded)));
            }
        }
    }

    @Override
    public StatementAnalysis analyze(String statement) {
        if (statement == null) {
            throw new IllegalArgumentException("statement is null");
        }
        List<SentenceAnalysis> sentences = new ArrayList<>();
        try {
            analyze(new StringReader(statement), sentences::add);
        } catch (IOException e) {
            throw new UncheckedIOException("reading from a string cannot fail", e);
        }
        return StatementAnalysis.of(sentences);
    }

    @Override
    public void analyze(Reader statement, Consumer<SentenceAnalysis> sink) throws IOException {
        if (statement == null || sink == null) {
            throw new IllegalArgumentException(statement == null ? "statement is null" : "sink is null");
        }
        char[] buffer = new char[CHUNK_CHARS];
        StringBuilder pending = new StringBuilder();
        long base = 0; // offset of pending's first character in the whole stream
        boolean end = false;
        while (!end) {
            int n = statement.read(buffer);
            end = n < 0;
            if (!end) {
                pending.append(buffer, 0, n);
                if (pending.length() < CHUNK_CHARS) {
                    continue;
                }
            }
            if (base + pending.length() > Integer.MAX_VALUE) {
                throw new IllegalArgumentException("statement longer than " + Integer.MAX_VALUE + " characters");
            }
            String text = pending.toString();
            List<TextSpan> spans = splitter.split(text);
            // The last sentence of a chunk may continue in the next one: keep it back, unless the
            // input has ended or it has grown past the limit.
            int keep = spans.size();
            int carryFrom = text.length();
            if (!end && !spans.isEmpty()) {
                TextSpan last = spans.get(spans.size() - 1);
                if (text.length() - last.begin() < MAX_SENTENCE_CHARS) {
                    keep = spans.size() - 1;
                    carryFrom = last.begin();
                }
            }
            emit(text, spans.subList(0, keep), (int) base, sink);
            pending = new StringBuilder(text.length() - carryFrom + CHUNK_CHARS).append(text, carryFrom, text.length());
            base += carryFrom;
        }
    }

    private void emit(String text, List<TextSpan> spans, int base, Consumer<SentenceAnalysis> sink) {
        List<String> texts = new ArrayList<>(spans.size());
        for (TextSpan span : spans) {
            texts.add(text.substring(span.begin(), span.end()));
        }
        List<Prediction> predictions = classifyAll(texts);
        for (int i = 0; i < spans.size(); i++) {
            TextSpan span = spans.get(i);
            sink.accept(new SentenceAnalysis(texts.get(i), base + span.begin(), base + span.end(), predictions.get(i)));
        }
    }
}
