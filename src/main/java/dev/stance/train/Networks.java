package dev.stance.train;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.EmbeddingSequenceLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

import dev.stance.Stance;
import dev.stance.model.Architecture;
import dev.stance.model.NetworkParams;

/**
 * Translates between our {@link Architecture} and Deeplearning4j: builds the graph to train, exports
 * its weights by name for the model file, and rebuilds a DL4J graph from a model file. The vertex
 * names ({@code ids}, {@code enc}, {@code emb}, {@code pool}, {@code h0}..., {@code out}) are part
 * of the model format: {@code dev.stance.model.HeadNetwork} reads weights by them.
 */
final class Networks {

    static final String IDS = "ids";
    static final String ENCODED = "enc";

    private Networks() {
    }

    /** A fresh, initialised graph for {@code architecture}, trained with the settings of {@code config}. */
    static ComputationGraph build(Architecture architecture, TrainingConfig config) {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .seed(config.seed())
                .dataType(DataType.FLOAT)
                .updater(new Adam(config.learningRate()))
                .weightInit(WeightInit.XAVIER)
                .graphBuilder();
        List<String> inputs = new ArrayList<>();
        List<String> merged = new ArrayList<>();
        if (architecture.lexical() != null) {
            inputs.add(IDS);
        }
        if (architecture.encoder() != null) {
            inputs.add(ENCODED);
        }
        g.addInputs(inputs.toArray(String[]::new));
        if (architecture.lexical() != null) {
            // Zero-initialised: rows of buckets no training feature hits stay exactly zero, which
            // costs nothing at run time and compresses to almost nothing in the model file.
            g.addLayer("emb", new EmbeddingSequenceLayer.Builder()
                    .nIn(architecture.lexical().buckets()).nOut(architecture.embeddingDim())
                    .hasBias(false).inferInputLength(true).weightInit(WeightInit.ZERO).build(), IDS);
            g.addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "emb");
            merged.add("pool");
        }
        if (architecture.encoder() != null) {
            merged.add(ENCODED);
        }
        String previous;
        if (merged.size() == 1) {
            previous = merged.get(0);
        } else {
            g.addVertex("merge", new MergeVertex(), merged.toArray(String[]::new));
            previous = "merge";
        }
        int width = architecture.inputWidth();
        for (int i = 0; i < architecture.hidden().size(); i++) {
            int next = architecture.hidden().get(i);
            DenseLayer.Builder dense = new DenseLayer.Builder().nIn(width).nOut(next)
                    .activation(Activation.RELU).l2(config.l2());
            if (config.dropout() > 0) {
                dense.dropOut(1 - config.dropout()); // DL4J takes the retain probability
            }
            g.addLayer("h" + i, dense.build(), previous);
            previous = "h" + i;
            width = next;
        }
        g.addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(width).nOut(Stance.values().length).activation(Activation.SOFTMAX).l2(config.l2()).build(), previous);
        g.setOutputs("out");
        ComputationGraph graph = new ComputationGraph(g.build());
        graph.init();
        return graph;
    }

    /** The graph's weights by parameter name, as row-major float matrices. */
    static NetworkParams export(ComputationGraph graph) {
        Map<String, NetworkParams.Matrix> out = new LinkedHashMap<>();
        for (Map.Entry<String, INDArray> e : graph.paramTable().entrySet()) {
            INDArray a = e.getValue();
            if (a.rank() != 2) {
                a = a.reshape('c', 1, a.length());
            }
            int rows = (int) a.rows();
            int cols = (int) a.columns();
            float[] data = a.castTo(DataType.FLOAT).dup('c').data().asFloat();
            out.put(e.getKey(), new NetworkParams.Matrix(rows, cols, data));
        }
        return new NetworkParams(out);
    }

    /** Rebuilds the DL4J graph stored in a model file (for checks and further training). */
    static ComputationGraph restore(String configurationJson, NetworkParams params) {
        ComputationGraph graph = new ComputationGraph(ComputationGraphConfiguration.fromJson(configurationJson));
        graph.init();
        for (Map.Entry<String, NetworkParams.Matrix> e : params.matrices().entrySet()) {
            NetworkParams.Matrix m = e.getValue();
            INDArray current = graph.getParam(e.getKey());
            graph.setParam(e.getKey(), Nd4j.create(m.data(), new long[]{m.rows(), m.cols()}, 'c')
                    .reshape(current.shape()));
        }
        return graph;
    }
}
