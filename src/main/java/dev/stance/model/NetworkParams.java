package dev.stance.model;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The trained weights of a network by parameter name ({@code emb_W}, {@code h0_W}, {@code h0_b},
 * {@code out_W}, {@code out_b}), each a row-major float matrix. Stored in the model file as
 * {@code params.bin} in a small format of our own, so that running a model needs neither ND4J
 * nor its native libraries. Immutable after construction; the arrays are never handed out for writing.
 */
public final class NetworkParams {

    /** One named weight matrix, row-major. */
    public record Matrix(int rows, int cols, float[] data) {
        public Matrix {
            Objects.requireNonNull(data, "data");
            if (rows <= 0 || cols <= 0 || (long) rows * cols != data.length) {
                throw new IllegalArgumentException("matrix " + rows + "x" + cols + " cannot hold " + data.length + " values");
            }
        }

        /** The value at {@code row}, {@code col}. */
        public float get(int row, int col) {
            return data[row * cols + col];
        }
    }

    private static final int MAGIC = 0x53545042; // "STPB"
    private static final int VERSION = 1;
    private static final int MAX_PARAMS = 64;

    private final Map<String, Matrix> matrices;

    /** The given matrices, copied in their order (the order they are written in). */
    public NetworkParams(Map<String, Matrix> matrices) {
        this.matrices = Collections.unmodifiableMap(new LinkedHashMap<>(matrices));
    }

    /** Every matrix by parameter name, unmodifiable, in the order they were given. */
    public Map<String, Matrix> matrices() {
        return matrices;
    }

    /**
     * The matrix called {@code name} with the expected shape.
     *
     * @throws IllegalArgumentException naming the parameter when it is missing or has another shape
     */
    public Matrix require(String name, int rows, int cols) {
        Matrix m = matrices.get(name);
        if (m == null) {
            throw new IllegalArgumentException("parameter " + name + " is missing (have " + matrices.keySet() + ")");
        }
        if (m.rows() != rows || m.cols() != cols) {
            throw new IllegalArgumentException("parameter " + name + " is " + m.rows() + "x" + m.cols()
                    + ", expected " + rows + "x" + cols);
        }
        return m;
    }

    /** Total number of values. */
    public long size() {
        return matrices.values().stream().mapToLong(m -> m.data().length).sum();
    }

    void write(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        data.writeInt(MAGIC);
        data.writeInt(VERSION);
        data.writeInt(matrices.size());
        for (Map.Entry<String, Matrix> e : matrices.entrySet()) {
            Matrix m = e.getValue();
            data.writeUTF(e.getKey());
            data.writeInt(m.rows());
            data.writeInt(m.cols());
            ByteBuffer buffer = ByteBuffer.allocate(m.data().length * 4).order(ByteOrder.LITTLE_ENDIAN);
            buffer.asFloatBuffer().put(m.data());
            data.write(buffer.array());
        }
        data.flush();
    }

    /**
     * Reads what {@link #write} wrote, refusing more than {@code maxValues} values in all so that a
     * forged header cannot make us allocate without bound.
     */
    static NetworkParams read(InputStream in, long maxValues) throws IOException {
        DataInputStream data = new DataInputStream(in);
        try {
            if (data.readInt() != MAGIC) {
                throw new IOException("params.bin is not a stance-classifier parameter file");
            }
            int version = data.readInt();
            if (version != VERSION) {
                throw new IOException("params.bin has version " + version + ", this library reads " + VERSION);
            }
            int count = data.readInt();
            if (count < 0 || count > MAX_PARAMS) {
                throw new IOException("params.bin declares " + count + " parameters (at most " + MAX_PARAMS + ")");
            }
            Map<String, Matrix> matrices = new LinkedHashMap<>();
            long total = 0;
            for (int i = 0; i < count; i++) {
                String name = data.readUTF();
                int rows = data.readInt();
                int cols = data.readInt();
                long n = (long) rows * cols;
                total += n;
                if (rows <= 0 || cols <= 0 || total > maxValues) {
                    throw new IOException("params.bin: parameter " + name + " of " + rows + "x" + cols
                            + " exceeds the limit of " + maxValues + " values");
                }
                matrices.put(name, new Matrix(rows, cols, readFloats(data, (int) n)));
            }
            return new NetworkParams(matrices);
        } catch (EOFException e) {
            throw new IOException("params.bin is truncated", e);
        }
    }

    /**
     * {@code n} little-endian floats, decoded through a small buffer: the 25 MB embedding of a
     * lexical model costs its float array only, not a byte copy of the same size beside it.
     */
    private static float[] readFloats(DataInputStream data, int n) throws IOException {
        float[] values = new float[n];
        byte[] chunk = new byte[64 * 1024];
        ByteBuffer buffer = ByteBuffer.wrap(chunk).order(ByteOrder.LITTLE_ENDIAN);
        for (int done = 0; done < n; ) {
            int count = Math.min(n - done, chunk.length / 4);
            data.readFully(chunk, 0, count * 4);
            buffer.asFloatBuffer().get(values, done, count);
            done += count;
        }
        return values;
    }
}
