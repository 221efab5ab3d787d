package dev.stance.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;

import dev.stance.StanceClassifier;
import dev.stance.Variant;
import dev.stance.model.StanceModel;

/** The {@code --model PATH} option shared by the commands that classify. */
final class ModelOption {

    static final String HELP = String.join(System.lineSeparator(),
            "  --model PATH   model file to use (default: the accurate model bundled in the jar)",
            "  --fast         use the fast bundled model (lexical features only)");

    /** Option names this adds to a command. */
    static final Set<String> VALUED = Set.of("model");
    static final Set<String> FLAGS = Set.of("fast");

    private ModelOption() {
    }

    /** The model named by {@code --model}, or the bundled one. A bad file is a usage error. */
    static StanceModel load(Args args) throws UsageException {
        Path path = args.path("model");
        if (path != null && args.has("fast")) {
            throw new UsageException("--model and --fast exclude each other");
        }
        if (path == null) {
            return StanceModel.loadDefault(args.has("fast") ? Variant.FAST : Variant.ACCURATE);
        }
        try {
            return StanceModel.load(path);
        } catch (IOException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Where the model of {@link #load} comes from, for reports: its path or the bundled variant. */
    static String describe(Args args) {
        Path path = args.path("model");
        return path != null ? path.toString() : "bundled " + (args.has("fast") ? Variant.FAST : Variant.ACCURATE) + " model";
    }

    static StanceClassifier classifier(Args args) throws UsageException {
        return load(args).classifier();
    }
}
