package dev.stance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** One shared classifier, sixteen threads: exactly the sequential results, no deadlock. */
class ConcurrencyTest {

    static final int THREADS = 16;

    @ParameterizedTest
    @EnumSource(Variant.class)
    void sixteenThreadsGetTheSequentialResults(Variant variant) throws Exception {
        StanceClassifier classifier = StanceClassifier.loadDefault(variant);
        List<String> sentences = TestCorpus.slice("test.tsv", 60).stream().map(LabelledSentence::text).toList();
        List<Prediction> expected = sentences.stream().map(classifier::classify).toList();
        String statement = String.join(" ", sentences.subList(0, 40));
        StatementAnalysis expectedAnalysis = classifier.analyze(statement);
        // 16 x 10,000 single calls on the fast model; the encoder model costs ~2 ms a sentence.
        int calls = variant == Variant.FAST ? 10_000 : 60;
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Integer>> mismatches = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                final int thread = t;
                mismatches.add(pool.submit(() -> {
                    int wrong = 0;
                    for (int call = 0; call < calls; call++) {
                        int i = (thread * 31 + call * 7) % sentences.size();
                        if (!classifier.classify(sentences.get(i)).equals(expected.get(i))) {
                            wrong++;
                        }
                        if (call % 1000 == 0 && !classifier.classifyAll(sentences).equals(expected)) {
                            wrong++;
                        }
                        if (call % 2500 == 0 && !classifier.analyze(statement).equals(expectedAnalysis)) {
                            wrong++;
                        }
                    }
                    return wrong;
                }));
            }
            for (Future<Integer> f : mismatches) {
                assertEquals(0, f.get(10, TimeUnit.MINUTES)); // a deadlock fails here instead of hanging
            }
        } finally {
            pool.shutdownNow();
            assertTrue(pool.awaitTermination(1, TimeUnit.MINUTES));
        }
    }
}
