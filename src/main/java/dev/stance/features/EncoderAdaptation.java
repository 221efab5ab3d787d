package dev.stance.features;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * Replacement weights for the top layers of a sentence encoder, trained on stance data: the
 * pretrained encoder from its Maven jar runs with these tensors in place of its own (ONNX Runtime
 * overrides the initializers of the same name when the session opens), so a model ships a few
 * megabytes instead of a whole encoder. Made by training ({@link EncoderLayers#adaptation}),
 * stored in the model file, identified by {@link #sha256()}. Immutable.
 */
public final class EncoderAdaptation {

    private static final String MAGIC = "stance-encoder-adaptation/1";
    private static final int MAX_TENSORS = 4096;

    /** One initializer: its ONNX name, element type ({@link OnnxGraph#FLOAT} or {@link OnnxGraph#INT8}), shape and little-endian bytes. */
    record Tensor(String name, int type, long[] dims, byte[] data) {
    }

    private final int firstLayer;
    private final List<Tensor> tensors;
    private final byte[] encoded;
    /** Computed once: every model built around this adaptation and every encoder lookup checks it. */
    private final String sha256;

    EncoderAdaptation(int firstLayer, List<Tensor> tensors) {
        this.firstLayer = firstLayer;
        this.tensors = List.copyOf(tensors);
        this.encoded = encode(firstLayer, this.tensors);
        try {
            this.sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(encoded));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Index of the first replaced layer (0-based); it and every layer above it are replaced. */
    public int firstLayer() {
        return firstLayer;
    }

    List<Tensor> tensors() {
        return tensors;
    }

    /** Hex SHA-256 of the stored form; a model file records it and checks it on load. */
    public String sha256() {
        return sha256;
    }

    /** Writes the stored form. */
    public void write(OutputStream out) throws IOException {
        out.write(encoded);
    }

    /**
     * Reads the stored form.
     *
     * @param maxBytes refuse anything larger (a damaged or forged file)
     * @throws IOException naming {@code source} when the data is not an adaptation or is truncated
     */
    public static EncoderAdaptation read(InputStream in, String source, long maxBytes) throws IOException {
        byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        if (bytes.length > maxBytes) {
            throw new IOException(source + ": encoder adaptation is larger than " + maxBytes + " bytes");
        }
        try (DataInputStream d = new DataInputStream(new ByteArrayInputStream(bytes))) {
            if (!MAGIC.equals(d.readUTF())) {
                throw new IOException(source + ": not an encoder adaptation");
            }
            int first = d.readInt();
            int count = d.readInt();
            if (first < 0 || count < 0 || count > MAX_TENSORS) {
                throw new IOException(source + ": damaged encoder adaptation (first layer " + first + ", " + count
                        + " tensors)");
            }
            List<Tensor> tensors = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                String name = d.readUTF();
                int type = d.readByte();
                int rank = d.readByte();
                if ((type != OnnxGraph.FLOAT && type != OnnxGraph.INT8) || rank < 0 || rank > 4) {
                    throw new IOException(source + ": damaged encoder adaptation (tensor " + name + ")");
                }
                long[] dims = new long[rank];
                long elements = 1;
                for (int r = 0; r < rank; r++) {
                    dims[r] = d.readLong();
                    elements *= dims[r];
                }
                int length = d.readInt();
                if (dims.length > 0 && (elements < 0 || length != elements * (type == OnnxGraph.FLOAT ? 4 : 1))
                        || length < 0 || length > d.available()) {
                    throw new IOException(source + ": damaged encoder adaptation (tensor " + name + " has "
                            + length + " bytes)");
                }
                tensors.add(new Tensor(name, type, dims, d.readNBytes(length)));
            }
            return new EncoderAdaptation(first, tensors);
        } catch (EOFException e) {
            throw new IOException(source + ": encoder adaptation is truncated", e);
        }
    }

    private static byte[] encode(int firstLayer, List<Tensor> tensors) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream d = new DataOutputStream(bytes)) {
            d.writeUTF(MAGIC);
            d.writeInt(firstLayer);
            d.writeInt(tensors.size());
            for (Tensor t : tensors) {
                Objects.requireNonNull(t.name(), "tensor name");
                d.writeUTF(t.name());
                d.writeByte(t.type());
                d.writeByte(t.dims().length);
                for (long dim : t.dims()) {
                    d.writeLong(dim);
                }
                d.writeInt(t.data().length);
                d.write(t.data());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    @Override
    public String toString() {
        return "EncoderAdaptation[layers " + firstLayer + "+, " + tensors.size() + " tensors, "
                + sha256().substring(0, 12) + "]";
    }
}
