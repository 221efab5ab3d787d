/**
 * The public API: {@link dev.stance.StanceClassifier} labels sentences and statements with a
 * {@link dev.stance.Stance}; {@link dev.stance.Prediction}, {@link dev.stance.SentenceAnalysis}
 * and {@link dev.stance.StatementAnalysis} are the results; {@link dev.stance.LabelledSentence}
 * is a training or evaluation example. Retraining is in {@code dev.stance.train}, metrics in
 * {@code dev.stance.eval}.
 */
package dev.stance;
