package dev.stance.bench;

import java.io.BufferedReader;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import dev.stance.Prediction;
import dev.stance.Stance;
import opennlp.tools.doccat.DoccatModel;

/**
 * A line-per-sentence command line for the OpenNLP model, shaped like our {@code classify}:
 * {@code java ... DoccatCli MODEL < sentences}, one JSON object with all five scores per line.
 * OpenNLP's own Doccat tool reads blank-line-separated paragraphs and logs its answers, so it
 * cannot be timed on the same input.
 */
public final class DoccatCli {

    private DoccatCli() {
    }

    public static void main(String[] args) throws Exception {
        DoccatContender doccat = new DoccatContender(new DoccatModel(Path.of(args[0])));
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        StringBuilder sb = new StringBuilder();
        String line;
        while ((line = in.readLine()) != null) {
            Prediction p = doccat.classifyAll(List.of(line)).get(0);
            sb.setLength(0);
            sb.append("{\"label\":\"").append(p.stance()).append("\",\"scores\":{");
            for (Map.Entry<Stance, Double> e : p.scores().entrySet()) {
                sb.append(e.getKey().ordinal() == 0 ? "\"" : ",\"").append(e.getKey()).append("\":").append(e.getValue());
            }
            out.append(sb).append("}}\n");
        }
        out.flush();
    }
}
