package dev.stance.bench;

import java.util.List;

import dev.stance.Prediction;

/**
 * A classifier under test that runs inside the benchmark's JVM. Implementations are thread-safe:
 * the all-cores measurement calls them from several threads at once.
 */
interface Contender {

    /** The prediction for one sentence (the latency measurement calls this). */
    Prediction classify(String sentence);

    /** Predictions for many sentences, in order (the throughput measurement calls this). */
    List<Prediction> classifyAll(List<String> sentences);
}
