package dev.stance.model;

import java.util.ArrayList;
import java.util.List;

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
        List<TextSpan> spans = splitter.split(statement);
        List<String> texts = new ArrayList<>(spans.size());
        for (TextSpan span : spans) {
            texts.add(statement.substring(span.begin(), span.end()));
        }
        List<Prediction> predictions = classifyAll(texts);
        List<SentenceAnalysis> sentences = new ArrayList<>(spans.size());
        for (int i = 0; i < spans.size(); i++) {
            TextSpan span = spans.get(i);
            sentences.add(new SentenceAnalysis(texts.get(i), span.begin(), span.end(), predictions.get(i)));
        }
        return StatementAnalysis.of(sentences);
    }
}
