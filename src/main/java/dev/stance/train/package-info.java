/**
 * Training: reading labelled TSV files ({@link dev.stance.train.TrainingData}), the typed
 * {@link dev.stance.train.TrainingConfig}, and {@link dev.stance.train.StanceTrainer}, which
 * optionally first trains the sentence encoder's top layers on the labels (ND4J SameDiff), then trains
 * a Deeplearning4j network on the encoder's vectors, picks the epoch that does best on the dev split, calibrates it on dev
 * and returns the model with its evaluation on the test split. The Maven goal and the CLI
 * {@code train} command are thin shells over it.
 */
package dev.stance.train;
