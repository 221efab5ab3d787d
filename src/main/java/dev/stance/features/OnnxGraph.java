package dev.stance.features;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Just enough of the ONNX protobuf format to adapt an encoder: read the graph's nodes and its
 * float and int8 initializers, and add graph outputs (so that a session can return the hidden
 * states of an inner layer). A hand-written walk over the wire format, because ONNX Runtime's Java
 * API cannot read weights and the library does not otherwise need protobuf.
 */
final class OnnxGraph {

    static final int FLOAT = 1;
    static final int INT8 = 3;

    /** A node: operator type, name, input and output value names. */
    record Node(String op, String name, List<String> inputs, List<String> outputs) {
    }

    /**
     * An initializer as stored: float values for {@link #FLOAT}, whole numbers for {@link #INT8}.
     */
    record Initializer(String name, int type, long[] dims, float[] floats, int[] ints) {
        int size() {
            return type == FLOAT ? floats.length : ints.length;
        }
    }

    private final byte[] model;
    private final Field graph;

    OnnxGraph(byte[] model) {
        this.model = model;
        this.graph = fields(model, 0, model.length).stream().filter(f -> f.number == 7).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("not an ONNX model: no graph"));
    }

    List<Node> nodes() {
        List<Node> nodes = new ArrayList<>();
        for (Field f : fields(model, graph.payload, graph.end)) {
            if (f.number != 1) {
                continue;
            }
            List<String> in = new ArrayList<>();
            List<String> out = new ArrayList<>();
            String name = "";
            String op = "";
            for (Field g : fields(model, f.payload, f.end)) {
                switch (g.number) {
                    case 1 -> in.add(string(g));
                    case 2 -> out.add(string(g));
                    case 3 -> name = string(g);
                    case 4 -> op = string(g);
                    default -> {
                    }
                }
            }
            nodes.add(new Node(op, name, in, out));
        }
        return nodes;
    }

    /** The FLOAT and INT8 initializers by name (others are skipped). */
    Map<String, Initializer> initializers() {
        Map<String, Initializer> out = new LinkedHashMap<>();
        for (Field f : fields(model, graph.payload, graph.end)) {
            if (f.number != 5) {
                continue;
            }
            String name = "";
            int type = 0;
            List<Long> dims = new ArrayList<>();
            List<Float> floats = new ArrayList<>();
            List<Integer> ints = new ArrayList<>();
            Field raw = null;
            for (Field g : fields(model, f.payload, f.end)) {
                switch (g.number) {
                    case 1 -> packedVarints(g).forEach(dims::add);
                    case 2 -> type = (int) g.varint;
                    case 4 -> {
                        ByteBuffer b = ByteBuffer.wrap(model, g.payload, g.end - g.payload).order(ByteOrder.LITTLE_ENDIAN);
                        while (b.remaining() >= 4) {
                            floats.add(b.getFloat());
                        }
                    }
                    case 5 -> packedVarints(g).forEach(v -> ints.add((int) (long) v));
                    case 8 -> name = string(g);
                    case 9 -> raw = g;
                    default -> {
                    }
                }
            }
            if (type != FLOAT && type != INT8) {
                continue;
            }
            long[] shape = dims.stream().mapToLong(Long::longValue).toArray();
            if (type == FLOAT) {
                float[] values;
                if (raw != null) {
                    ByteBuffer b = ByteBuffer.wrap(model, raw.payload, raw.end - raw.payload).order(ByteOrder.LITTLE_ENDIAN);
                    values = new float[b.remaining() / 4];
                    b.asFloatBuffer().get(values);
                } else {
                    values = new float[floats.size()];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = floats.get(i);
                    }
                }
                out.put(name, new Initializer(name, type, shape, values, null));
            } else {
                int[] values;
                if (raw != null) {
                    values = new int[raw.end - raw.payload];
                    for (int i = 0; i < values.length; i++) {
                        values[i] = model[raw.payload + i];
                    }
                } else {
                    values = ints.stream().mapToInt(Integer::intValue).toArray();
                }
                out.put(name, new Initializer(name, type, shape, null, values));
            }
        }
        return out;
    }

    /** A copy of the model whose graph also outputs the named values. */
    byte[] withOutputs(List<String> names) {
        ByteArrayOutputStream g = new ByteArrayOutputStream();
        g.write(model, graph.payload, graph.end - graph.payload);
        for (String name : names) {
            byte[] utf8 = name.getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream valueInfo = new ByteArrayOutputStream();
            writeVarint(valueInfo, (1 << 3) | 2);
            writeVarint(valueInfo, utf8.length);
            valueInfo.writeBytes(utf8);
            writeVarint(g, (12 << 3) | 2); // GraphProto.output
            writeVarint(g, valueInfo.size());
            g.writeBytes(valueInfo.toByteArray());
        }
        ByteArrayOutputStream m = new ByteArrayOutputStream(model.length + g.size() - (graph.end - graph.payload));
        for (Field f : fields(model, 0, model.length)) {
            if (f != graph && f.number != 7) {
                m.write(model, f.start, f.end - f.start);
            }
        }
        writeVarint(m, (7 << 3) | 2); // ModelProto.graph
        writeVarint(m, g.size());
        m.writeBytes(g.toByteArray());
        return m.toByteArray();
    }

    /** One protobuf field: number, wire type, varint value, payload start (length-delimited), extent. */
    private record Field(int number, int wire, long varint, int payload, int start, int end) {
    }

    private static List<Field> fields(byte[] b, int from, int to) {
        List<Field> out = new ArrayList<>();
        int[] pos = {from};
        while (pos[0] < to) {
            int start = pos[0];
            long tag = readVarint(b, pos);
            int number = (int) (tag >>> 3);
            int wire = (int) (tag & 7);
            switch (wire) {
                case 0 -> out.add(new Field(number, wire, readVarint(b, pos), pos[0], start, pos[0]));
                case 1 -> {
                    pos[0] += 8;
                    out.add(new Field(number, wire, 0, pos[0] - 8, start, pos[0]));
                }
                case 5 -> {
                    pos[0] += 4;
                    out.add(new Field(number, wire, 0, pos[0] - 4, start, pos[0]));
                }
                case 2 -> {
                    int length = (int) readVarint(b, pos);
                    int payload = pos[0];
                    pos[0] += length;
                    out.add(new Field(number, wire, 0, payload, start, pos[0]));
                }
                default -> throw new IllegalArgumentException("not an ONNX model: protobuf wire type " + wire
                        + " at byte " + start);
            }
            if (pos[0] > to) {
                throw new IllegalArgumentException("not an ONNX model: field at byte " + start + " runs past its end");
            }
        }
        return out;
    }

    /** The values of a repeated varint field, packed (wire 2) or not (wire 0). */
    private List<Long> packedVarints(Field f) {
        if (f.wire == 0) {
            return List.of(f.varint);
        }
        List<Long> values = new ArrayList<>();
        int[] pos = {f.payload};
        while (pos[0] < f.end) {
            values.add(readVarint(model, pos));
        }
        return values;
    }

    private String string(Field f) {
        return new String(model, f.payload, f.end - f.payload, StandardCharsets.UTF_8);
    }

    private static long readVarint(byte[] b, int[] pos) {
        long result = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte x = b[pos[0]++];
            result |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return result;
            }
        }
        throw new IllegalArgumentException("not an ONNX model: malformed varint before byte " + pos[0]);
    }

    private static void writeVarint(ByteArrayOutputStream out, long v) {
        while ((v & ~0x7fL) != 0) {
            out.write((int) ((v & 0x7f) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
