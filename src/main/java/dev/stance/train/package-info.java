/**
 * Training: reading labelled TSV files ({@link dev.stance.train.TrainingData}), the typed
 * {@link dev.stance.train.TrainingConfig}, and {@link dev.stance.train.StanceTrainer}, which trains
 * a Deeplearning4j network, picks the epoch that does best on the dev split, calibrates it on dev
 * and returns the model with its evaluation on the test split. The Maven goal and the CLI
 * {@code train} command are thin shells over it.
 */
package dev.stance.train;
