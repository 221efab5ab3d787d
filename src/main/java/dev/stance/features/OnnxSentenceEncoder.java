package dev.stance.features;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.lang.ref.Reference;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;

/**
 * A BERT-style sentence encoder run with ONNX Runtime from an {@code .onnx} file and a Hugging Face
 * {@code tokenizer.json} on the classpath (as shipped in langchain4j's embedding jars), pooled (CLS
 * or mean) into L2-normalised vectors. Only the first {@value #MAX_TOKENS} word pieces count.
 *
 * <p>Each sentence is its own ONNX call, never padded into a batch: the quantised models quantise
 * their activations with one scale per input tensor, so a sentence batched with others would get
 * a slightly different vector depending on its neighbours. Alone, its vector is always the same,
 * and {@code classifyAll} equals {@code classify} one by one. Throughput comes from running the
 * calls of a list in parallel, one single-threaded call per core (measured here: about as fast as
 * padded batches on two cores).
 *
 * <p>A model may replace some of the encoder's weights ({@link EncoderAdaptation}): the session then
 * runs the same graph with those initializers swapped in. For training, a session opened on a graph
 * with an extra output also returns the word-piece states of an inner layer ({@code states}).
 *
 * <p>Thread-safe: ONNX Runtime sessions and the tokenizer may be used concurrently. The session,
 * tokenizer and worker threads are released when the encoder becomes unreachable: a JVM that
 * retrains or loads many adapted models must not keep ~100 MB of native memory for each of them.
 */
final class OnnxSentenceEncoder implements SentenceEncoder {

    /** Word pieces per sentence, including [CLS] and [SEP]; longer sentences are truncated. */
    static final int MAX_TOKENS = 128;
    /** Characters of a sentence handed to the tokenizer; far more than {@link #MAX_TOKENS} pieces need. */
    static final int MAX_CHARS = 8192;

    enum Pooling { CLS, MEAN }

    /** One daemon thread for the library, closing the native side of unreachable encoders. */
    private static final Cleaner CLEANER = Cleaner.create(r -> {
        Thread t = new Thread(r, "stance-encoder-cleaner");
        t.setDaemon(true);
        return t;
    });
    private final EncoderSpec spec;
    private final Pooling pooling;
    private final OrtEnvironment environment;
    private final Native resources = new Native();
    private final boolean wantsTypeIds;
    private final String lastHiddenState;
    private final int workers = Math.max(1, Runtime.getRuntime().availableProcessors());

    /**
     * What an encoder holds outside the Java heap. It keeps no reference to its encoder, so the
     * {@link #CLEANER} can release it once the encoder is unreachable.
     */
    private static final class Native implements Runnable {
        OrtSession session;
        HuggingFaceTokenizer tokenizer;
        /** Tensors handed to the session in place of the model's own; ONNX Runtime needs them kept. */
        final List<OnnxTensor> overrides = new ArrayList<>();
        /** Daemon threads that run the calls of a list in parallel; created on the first list. */
        volatile ExecutorService pool;
        final AtomicBoolean released = new AtomicBoolean();

        @Override
        public void run() {
            released.set(true);
            ExecutorService p = pool;
            if (p != null) {
                p.shutdownNow();
            }
            if (session != null) {
                try {
                    session.close();
                } catch (OrtException e) {
                    // Nothing to report to: the encoder is gone. The memory is lost either way.
                }
            }
            overrides.forEach(OnnxTensor::close);
            if (tokenizer != null) {
                tokenizer.close();
            }
        }
    }

    /**
     * @param model      the {@code .onnx} bytes
     * @param adaptation tensors that replace the model's own initializers of the same name, or null
     */
    OnnxSentenceEncoder(EncoderSpec spec, byte[] model, String tokenizerResource, Pooling pooling,
                        EncoderAdaptation adaptation) {
        this.spec = spec;
        this.pooling = pooling;
        environment = OrtEnvironment.getEnvironment();
        // The session copies its options, so they are closed once it is open; the override
        // tensors are not copied and live in resources until the session closes.
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            // Parallelism is across sentences (see the class comment), not inside one call.
            options.setIntraOpNumThreads(1);
            options.setInterOpNumThreads(1);
            if (adaptation != null) {
                for (EncoderAdaptation.Tensor t : adaptation.tensors()) {
                    ByteBuffer data = ByteBuffer.allocateDirect(t.data().length).order(ByteOrder.nativeOrder());
                    data.put(t.data()).flip();
                    OnnxTensor tensor = OnnxTensor.createTensor(environment, data, t.dims(),
                            t.type() == OnnxGraph.FLOAT ? OnnxJavaType.FLOAT : OnnxJavaType.INT8);
                    resources.overrides.add(tensor); // must outlive the session
                    options.addInitializer(t.name(), tensor);
                }
            }
            OrtSession session = environment.createSession(model, options);
            resources.session = session;
            wantsTypeIds = session.getInputNames().contains("token_type_ids");
            lastHiddenState = session.getOutputNames().iterator().next(); // the model's own first output
            Map<String, String> tokenizerOptions = new HashMap<>();
            tokenizerOptions.put("padding", "false");
            tokenizerOptions.put("truncation", "true");
            tokenizerOptions.put("maxLength", Integer.toString(MAX_TOKENS));
            try (InputStream in = resource(tokenizerResource)) {
                resources.tokenizer = HuggingFaceTokenizer.newInstance(in, tokenizerOptions);
            }
        } catch (OrtException e) {
            resources.run();
            throw new IllegalStateException("cannot start ONNX Runtime for encoder " + spec.id() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            resources.run();
            throw new UncheckedIOException("cannot read encoder " + spec.id() + " from the classpath", e);
        }
        CLEANER.register(this, resources);
    }

    /** Becomes true once this encoder's native side is released (for tests; holds no reference to it). */
    AtomicBoolean released() {
        return resources.released;
    }

    @Override
    public EncoderSpec spec() {
        return spec;
    }

    @Override
    public float[][] encode(List<String> sentences) {
        float[][] out = new float[sentences.size()][];
        try {
            forEach(out.length, i -> out[i] = normalize(pooled(run(sentences.get(i), lastHiddenState))));
        } finally {
            Reference.reachabilityFence(this); // no release while a call is running
        }
        return out;
    }

    /**
     * The states of every word piece of each sentence at a graph output ({@code [sentence][piece][dim]}),
     * for training on an inner layer; the session must have been opened on a model with that output.
     */
    float[][][] states(List<String> sentences, String output) {
        float[][][] out = new float[sentences.size()][][];
        try {
            forEach(out.length, i -> out[i] = run(sentences.get(i), output));
        } finally {
            Reference.reachabilityFence(this);
        }
        return out;
    }

    /** Runs {@code task} for 0..n-1, in parallel over the workers when there is more than one item. */
    private void forEach(int n, IntConsumer task) {
        if (n <= 1 || workers == 1) {
            for (int i = 0; i < n; i++) {
                task.accept(i);
            }
            return;
        }
        // One task per worker, each taking every workers-th item: no per-item task overhead.
        List<Future<?>> tasks = new ArrayList<>(workers);
        for (int w = 0; w < workers; w++) {
            final int first = w;
            tasks.add(pool().submit(() -> {
                for (int i = first; i < n; i += workers) {
                    task.accept(i);
                }
            }));
        }
        for (Future<?> t : tasks) {
            try {
                t.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                tasks.forEach(x -> x.cancel(true));
                throw new IllegalStateException("interrupted while encoding", e);
            } catch (ExecutionException e) {
                Throwable cause = e.getCause();
                throw cause instanceof RuntimeException r ? r : new IllegalStateException(cause);
            }
        }
    }

    /** The states of one sentence's word pieces at {@code output}: one ONNX call. */
    private float[][] run(String sentence, String output) {
        // Only the first MAX_TOKENS word pieces count; cutting the text first bounds the tokenizer's
        // work on a megabyte-long "sentence".
        Encoding e = resources.tokenizer.encode(sentence.length() <= MAX_CHARS ? sentence : sentence.substring(0, MAX_CHARS));
        long[] shape = {1, e.getIds().length};
        Map<String, OnnxTensor> inputs = new HashMap<>();
        try {
            inputs.put("input_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(e.getIds()), shape));
            inputs.put("attention_mask", OnnxTensor.createTensor(environment, LongBuffer.wrap(e.getAttentionMask()), shape));
            if (wantsTypeIds) {
                inputs.put("token_type_ids", OnnxTensor.createTensor(environment, LongBuffer.wrap(e.getTypeIds()), shape));
            }
            try (OrtSession.Result result = resources.session.run(inputs, Set.of(output))) {
                return ((float[][][]) result.get(0).getValue())[0];
            }
        } catch (OrtException ex) {
            throw new IllegalStateException("encoder " + spec.id() + " failed: " + ex.getMessage(), ex);
        } finally {
            inputs.values().forEach(OnnxTensor::close);
        }
    }

    private ExecutorService pool() {
        ExecutorService p = resources.pool;
        if (p == null) {
            synchronized (resources) {
                if (resources.pool == null) {
                    resources.pool = Executors.newFixedThreadPool(workers, r -> {
                        Thread t = new Thread(r, "stance-encoder");
                        t.setDaemon(true);
                        return t;
                    });
                }
                p = resources.pool;
            }
        }
        return p;
    }

    private float[] pooled(float[][] states) {
        if (pooling == Pooling.CLS) {
            return states[0].clone();
        }
        float[] sum = new float[states[0].length];
        for (float[] state : states) {
            for (int j = 0; j < sum.length; j++) {
                sum[j] += state[j];
            }
        }
        for (int j = 0; j < sum.length; j++) {
            sum[j] /= states.length;
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

    static byte[] readResource(String name) throws IOException {
        try (InputStream in = resource(name)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            in.transferTo(out);
            return out.toByteArray();
        }
    }
}
