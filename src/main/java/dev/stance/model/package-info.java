/**
 * The model file and the runtime built from it. A {@link dev.stance.model.StanceModel} is the
 * trained artifact (network, calibration and provenance), loaded and validated from one zip and
 * saved atomically; {@link dev.stance.model.StanceModel#classifier()} builds the thread-safe
 * {@link dev.stance.StanceClassifier} that runs it. Training lives in {@code dev.stance.train}.
 */
package dev.stance.model;
