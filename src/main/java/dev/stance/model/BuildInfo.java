package dev.stance.model;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** Versions of this library and its main dependencies, as recorded at build time. */
public final class BuildInfo {

    private static final Properties PROPERTIES = load();

    private BuildInfo() {
    }

    /** Version of stance-classifier, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return PROPERTIES.getProperty("version", "unknown");
    }

    /** Library, DL4J, OpenNLP, Java and OS versions, for model provenance. */
    public static Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("stance-classifier", version());
        env.put("deeplearning4j", PROPERTIES.getProperty("dl4j", "unknown"));
        env.put("opennlp", PROPERTIES.getProperty("opennlp", "unknown"));
        env.put("java", System.getProperty("java.version"));
        env.put("os", System.getProperty("os.name") + " " + System.getProperty("os.arch"));
        return env;
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/dev/stance/build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // Versions are informational; an unreadable file leaves them "unknown".
        }
        return p;
    }
}
