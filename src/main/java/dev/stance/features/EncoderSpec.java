package dev.stance.features;

import java.util.Objects;

/**
 * Which pretrained sentence encoder a model needs: the Maven artifact that ships it, its version
 * and the width of its vectors. A model refuses to load when the encoder on the classpath differs.
 *
 * @param id        stable id of the encoder (e.g. {@code bge-small-en-v1.5-q})
 * @param artifact  Maven coordinates {@code groupId:artifactId}
 * @param version   artifact version
 * @param dimension width of the sentence vectors
 */
public record EncoderSpec(String id, String artifact, String version, int dimension) {

    public EncoderSpec {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(artifact, "artifact");
        Objects.requireNonNull(version, "version");
        if (dimension <= 0) {
            throw new IllegalArgumentException("dimension must be > 0, got " + dimension);
        }
    }
}
