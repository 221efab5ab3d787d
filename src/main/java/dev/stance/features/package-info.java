/**
 * Featurizers: sentences in, the arrays the network expects out. Deterministic, no I/O at call
 * time, thread-safe. Each featurizer has a stable id that model files record, so a model is never
 * run with features it was not trained on. Not part of the stable API.
 */
package dev.stance.features;
