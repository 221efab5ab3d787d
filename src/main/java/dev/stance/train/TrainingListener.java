package dev.stance.train;

/**
 * Hears about a training run as it goes, e.g. to print progress. Called on the training thread;
 * keep it quick. All methods do nothing by default.
 */
public interface TrainingListener {

    /** A listener that ignores everything. */
    TrainingListener SILENT = new TrainingListener() {
    };

    /** A step before or after the epochs ("embedding 6,000 sentences", "calibrating on dev"). */
    default void onPhase(String description) {
    }

    /** One epoch has ended. */
    default void onEpoch(EpochReport report) {
    }

    /**
     * Progress after one epoch.
     *
     * @param epoch          the epoch that ended, from 1
     * @param epochs         epochs in the run
     * @param loss           mean training loss over the epoch
     * @param devMacroF1     macro-F1 on the dev split with this epoch's weights (uncalibrated)
     * @param best           whether this is the best epoch so far (its weights are kept)
     * @param elapsedSeconds time since the first epoch began
     * @param etaSeconds     estimated time to the last epoch's end
     */
    record EpochReport(int epoch, int epochs, double loss, double devMacroF1, boolean best,
                       double elapsedSeconds, double etaSeconds) {
    }
}
