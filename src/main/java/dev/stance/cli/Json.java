package dev.stance.cli;

import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.stance.Prediction;

/** The JSON shapes the command line prints, in one place. */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    /** {@code "label", "confidence", "scores"} of a prediction, added to {@code into}. */
    static Map<String, Object> prediction(Prediction p, Map<String, Object> into) {
        into.put("label", p.stance().name());
        into.put("confidence", round(p.confidence()));
        Map<String, Object> scores = new LinkedHashMap<>();
        p.scores().forEach((stance, score) -> scores.put(stance.name(), round(score)));
        into.put("scores", scores);
        return into;
    }

    /** Writes {@code value} as one line of JSON. */
    static void println(PrintStream out, Object value) {
        try {
            out.println(MAPPER.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double round(double v) {
        return Math.round(v * 1e6) / 1e6;
    }
}
