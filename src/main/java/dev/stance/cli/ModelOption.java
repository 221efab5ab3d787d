package dev.stance.cli;

import java.io.IOException;
import java.nio.file.Path;

import dev.stance.StanceClassifier;
import dev.stance.model.StanceModel;

/** The {@code --model PATH} option shared by the commands that classify. */
final class ModelOption {

    static final String HELP = "  --model PATH   model file to use (default: the model bundled in the jar)";

    private ModelOption() {
    }

    /** The model named by {@code --model}, or the bundled one. A bad file is a usage error. */
    static StanceModel load(Args args) throws UsageException {
        Path path = args.path("model");
        if (path == null) {
            return StanceModel.loadDefault();
        }
        try {
            return StanceModel.load(path);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    static StanceClassifier classifier(Args args) throws UsageException {
        return load(args).classifier();
    }
}
