package dev.stance.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.stance.eval.Evaluation;

/**
 * Everything measured for one system, filled in as the run goes; a null figure was not measured
 * (shown as "n/a" with the reason in {@link #notes}). Throughputs are sentences per second,
 * latencies microseconds, times seconds, sizes bytes, memory KiB. Not thread-safe.
 */
final class SystemResult {

    final String name;
    final Map<String, Evaluation> evaluations = new LinkedHashMap<>();
    /** Evaluations of the parts of the evaluation sets ({@link Parts}), by part name. */
    final Map<String, Evaluation> partEvaluations = new LinkedHashMap<>();
    final List<String> notes = new ArrayList<>();
    /** Sentences in each throughput run of this system. */
    int sentences;
    Long modelBytes;
    Double trainSeconds;
    boolean trainRecorded;
    Double loadSeconds;
    Double coldStartSeconds;
    Double inProcessOne;
    Double inProcessAll;
    Double cliOne;
    Double cliAll;
    Double p50;
    Double p99;
    Long peakRssKb;

    SystemResult(String name) {
        this.name = name;
    }
}
