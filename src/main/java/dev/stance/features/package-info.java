/**
 * Featurizers: sentences in, the arrays the network expects out. Deterministic, no I/O at call
 * time, thread-safe. Each featurizer has a stable id that model files record, so a model is never
 * run with features it was not trained on. The sentence encoder's top layers can be retrained on
 * stance labels: {@link dev.stance.features.EncoderLayers} opens them for training and
 * {@link dev.stance.features.EncoderAdaptation} carries the result, a few megabytes that replace
 * the pretrained weights when the encoder's ONNX session opens. Not part of the stable API.
 */
package dev.stance.features;
