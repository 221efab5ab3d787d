package dev.stance.eval;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an HTML report says besides the numbers: its title, what was evaluated, when, and where the
 * model came from. The evaluation package sees only the API, so the caller turns model metadata
 * into plain text here. Immutable.
 *
 * @param title       heading and page title, e.g. {@code "Evaluation of stance.zip"}
 * @param subject     what was evaluated, e.g. {@code "training-data/test.tsv"}
 * @param generatedAt when the report was made, shown as given (e.g. an ISO-8601 instant)
 * @param provenance  named sections of {@code key: value} lines (model, training data, config,
 *                    versions, ...), shown in the given order; may be empty
 */
public record ReportContext(String title, String subject, String generatedAt,
                            Map<String, Map<String, String>> provenance) {

    public ReportContext {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(generatedAt, "generatedAt");
        Objects.requireNonNull(provenance, "provenance");
        Map<String, Map<String, String>> sections = new LinkedHashMap<>();
        provenance.forEach((name, lines) -> sections.put(Objects.requireNonNull(name, "section name"),
                Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(lines, name)))));
        provenance = Collections.unmodifiableMap(sections);
    }
}
