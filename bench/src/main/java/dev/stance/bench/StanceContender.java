package dev.stance.bench;

import java.util.List;

import dev.stance.Prediction;
import dev.stance.StanceClassifier;

/** One of our models, through the public API. */
record StanceContender(StanceClassifier classifier) implements Contender {

    @Override
    public Prediction classify(String sentence) {
        return classifier.classify(sentence);
    }

    @Override
    public List<Prediction> classifyAll(List<String> sentences) {
        return classifier.classifyAll(sentences);
    }
}
