package dev.stance.features;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * A BERT-style sentence encoder run with ONNX Runtime from an {@code .onnx} file and a Hugging Face
 * {@code tokenizer.json} on the classpath (as shipped in langchain4j's embedding jars). Sentences
 * are encoded in padded batches of similar length, one ONNX call per batch, and pooled (CLS or
 * mean) into L2-normalised vectors. Only the first {@value #MAX_TOKENS} word pieces count.
 *
 * <p>Thread-safe: ONNX Runtime sessions and the tokenizer may be used concurrently.
 */
final class OnnxSentenceEncoder implements SentenceEncoder {

    /** Word pieces per sentence, including [CLS] and [SEP]; longer sentences are truncated. */
    static final int MAX_TOKENS = 128;
    /** Characters of a sentence handed to the tokenizer; far more than {@link #MAX_TOKENS} pieces need. */
    static final int MAX_CHARS = 8192;
    /** Sentences per ONNX call. */
    static final int BATCH = 32;

    enum Pooling { CLS, MEAN }

    private final EncoderSpec spec;
    private final Pooling pooling;
    private final OrtEnvironment environment;
    private final OrtSession session;
    private final HuggingFaceTokenizer tokenizer;
    private final boolean wantsTypeIds;

    OnnxSentenceEncoder(EncoderSpec spec, String modelResource, String tokenizerResource, Pooling pooling) {
        this.spec = spec;
        this.pooling = pooling;
        try {
            environment = OrtEnvironment.getEnvironment();
            OrtSession.SessionOptions options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(Math.max(1, Runtime.getRuntime().availableProcessors()));
            session = environment.createSession(readResource(modelResource), options);
            wantsTypeIds = session.getInputNames().contains("token_type_ids");
            Map<String, String> tokenizerOptions = new HashMap<>();
            tokenizerOptions.put("padding", "false");
            tokenizerOptions.put("truncation", "true");
            tokenizerOptions.put("maxLength", Integer.toString(MAX_TOKENS));
            try (InputStream in = resource(tokenizerResource)) {
                tokenizer = HuggingFaceTokenizer.newInstance(in, tokenizerOptions);
            }
        } catch (OrtException e) {
            throw new IllegalStateException("cannot start ONNX Runtime for encoder " + spec.id() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read encoder " + spec.id() + " from the classpath", e);
        }
    }

    @Override
    public EncoderSpec spec() {
        return spec;
    }

    @Override
    public float[][] encode(List<String> sentences) {
        float[][] out = new float[sentences.size()][];
        if (sentences.isEmpty()) {
            return out;
        }
        // Only the first MAX_TOKENS word pieces count; cutting the text first bounds the tokenizer's
        // work on a megabyte-long "sentence".
        List<String> capped = new ArrayList<>(sentences.size());
        for (String s : sentences) {
            capped.add(s.length() <= MAX_CHARS ? s : s.substring(0, MAX_CHARS));
        }
        Encoding[] encodings = tokenizer.batchEncode(capped);
        // Batches of similar length waste little on padding.
        Integer[] order = IntStream.range(0, encodings.length).boxed()
                .sorted(Comparator.comparingInt(i -> encodings[i].getIds().length)).toArray(Integer[]::new);
        for (int start = 0; start < order.length; start += BATCH) {
            int end = Math.min(order.length, start + BATCH);
            List<Integer> rows = new ArrayList<>(end - start);
            for (int i = start; i < end; i++) {
                rows.add(order[i]);
            }
            float[][] vectors = run(encodings, rows);
            for (int i = 0; i < rows.size(); i++) {
                out[rows.get(i)] = vectors[i];
            }
        }
        return out;
    }

    private float[][] run(Encoding[] encodings, List<Integer> rows) {
        int batch = rows.size();
        int length = 0;
        for (int r : rows) {
            length = Math.max(length, encodings[r].getIds().length);
        }
        long[] ids = new long[batch * length];
        long[] mask = new long[batch * length];
        long[] types = new long[batch * length];
        for (int b = 0; b < batch; b++) {
            Encoding e = encodings[rows.get(b)];
            long[] eIds = e.getIds();
            long[] eMask = e.getAttentionMask();
            long[] eTypes = e.getTypeIds();
            System.arraycopy(eIds, 0, ids, b * length, eIds.length);
            System.arraycopy(eMask, 0, mask, b * length, eMask.length);
            System.arraycopy(eTypes, 0, types, b * length, eTypes.length);
        }
        long[] shape = {batch, length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(ids), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(mask), shape));
            if (wantsTypeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(types), shape));
            }
            try (OrtSession.Result result = session.run(inputs)) {
                float[][][] hidden = (float[][][]) result.get(0).getValue();
                float[][] vectors = new float[batch][];
                for (int b = 0; b < batch; b++) {
                    vectors[b] = normalize(pool(hidden[b], mask, b * length, length));
                }
                return vectors;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("encoder " + spec.id() + " failed: " + e.getMessage(), e);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private float[] pool(float[][] states, long[] mask, int offset, int length) {
        if (pooling == Pooling.CLS) {
            return states[0].clone();
        }
        float[] sum = new float[states[0].length];
        int n = 0;
        for (int t = 0; t < length; t++) {
            if (mask[offset + t] == 0) {
                continue;
            }
            n++;
            for (int j = 0; j < sum.length; j++) {
                sum[j] += states[t][j];
            }
        }
        for (int j = 0; j < sum.length; j++) {
            sum[j] /= Math.max(1, n);
        }
        return sum;
    }

    private static float[] normalize(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += (double) x * x;
        }
        float inv = norm > 0 ? (float) (1 / Math.sqrt(norm)) : 0f;
        for (int j = 0; j < v.length; j++) {
            v[j] *= inv;
        }
        return v;
    }

    private static InputStream resource(String name) throws IOException {
        InputStream in = OnnxSentenceEncoder.class.getResourceAsStream("/" + name);
        if (in == null) {
            throw new IOException("resource " + name + " is not on the classpath");
        }
        return in;
    }

    private static byte[] readResource(String name) throws IOException {
        try (InputStream in = resource(name)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
