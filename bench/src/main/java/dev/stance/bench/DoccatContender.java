package dev.stance.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import dev.stance.LabelledSentence;
import dev.stance.Prediction;
import dev.stance.Stance;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.doccat.DoccatFactory;
import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.doccat.DocumentSample;
import opennlp.tools.doccat.FeatureGenerator;
import opennlp.tools.doccat.NGramFeatureGenerator;
import opennlp.tools.util.ObjectStreamUtils;
import opennlp.tools.util.TrainingParameters;

/**
 * OpenNLP's document categorizer (maxent, OpenNLP's default training parameters) over a bag of
 * words plus word bigrams of the {@link Baselines} form of each sentence. One
 * {@link DocumentCategorizerME} per thread over the shared model.
 */
final class DoccatContender implements Contender {

    private final int[] stanceOfOutcome;
    private final ThreadLocal<DocumentCategorizerME> categorizer;

    DoccatContender(DoccatModel model) {
        this.categorizer = ThreadLocal.withInitial(() -> new DocumentCategorizerME(model));
        DocumentCategorizerME probe = new DocumentCategorizerME(model);
        stanceOfOutcome = new int[probe.getNumberOfCategories()];
        for (int i = 0; i < stanceOfOutcome.length; i++) {
            stanceOfOutcome[i] = Stance.parse(probe.getCategory(i)).ordinal();
        }
    }

    /** Trains on {@code train} with OpenNLP's defaults (maxent, 100 iterations, cutoff 5). */
    static DoccatModel train(List<LabelledSentence> train) throws IOException {
        List<DocumentSample> samples = new ArrayList<>(train.size());
        for (LabelledSentence s : train) {
            samples.add(new DocumentSample(s.stance().name(), Baselines.tokens(s.text())));
        }
        DoccatFactory factory = new DoccatFactory(new FeatureGenerator[]{
                new BagOfWordsFeatureGenerator(), new NGramFeatureGenerator(2, 2)});
        return DocumentCategorizerME.train("en", ObjectStreamUtils.createObjectStream(samples),
                TrainingParameters.defaultParams(), factory);
    }

    @Override
    public Prediction classify(String sentence) {
        return predict(categorizer.get(), sentence);
    }

    @Override
    public List<Prediction> classifyAll(List<String> sentences) {
        DocumentCategorizerME me = categorizer.get();
        List<Prediction> out = new ArrayList<>(sentences.size());
        for (String s : sentences) {
            out.add(predict(me, s));
        }
        return out;
    }

    private Prediction predict(DocumentCategorizerME me, String sentence) {
        double[] outcomes = me.categorize(Baselines.tokens(sentence));
        double[] byStance = new double[Stance.values().length];
        for (int i = 0; i < outcomes.length; i++) {
            byStance[stanceOfOutcome[i]] = outcomes[i];
        }
        return Prediction.fromProbabilities(byStance);
    }
}
