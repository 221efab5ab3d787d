package dev.stance.train;

import java.util.List;

import dev.stance.eval.Evaluation;
import dev.stance.model.StanceModel;

/**
 * What a training run returns: the calibrated model and how it did.
 *
 * @param model   the trained model (not yet saved)
 * @param dev     its evaluation on the dev split (used for selection and calibration, so optimistic)
 * @param test    its evaluation on the held-out test split
 * @param history one report per epoch
 */
public record TrainingResult(StanceModel model, Evaluation dev, Evaluation test,
                             List<TrainingListener.EpochReport> history) {

    public TrainingResult {
        history = List.copyOf(history);
    }
}
