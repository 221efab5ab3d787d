package dev.stance.eval;

import java.io.StringWriter;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

/**
 * Renders an {@link Evaluation} as one self-contained HTML page for people: headline metrics, a
 * confusion-matrix heatmap, per-label precision/recall/F1 bars, a reliability diagram, the
 * misclassified sentences (searchable, most confident first) and the model's provenance.
 *
 * <p>The page loads nothing from anywhere: styles, SVG charts and the small search script are
 * inline, and its Content-Security-Policy forbids any other source. The charts are SVG computed
 * from the evaluation; the markup lives in the Mustache template
 * {@code dev/stance/eval/report.html.mustache}, and every text from the data is HTML-escaped.
 *
 * <p>Stateless and thread-safe.
 */
public final class HtmlReport {

    /** Classpath location of the template. */
    static final String TEMPLATE = "dev/stance/eval/report.html.mustache";

    private static final class Holder {
        // Compiled once; a compiled Mustache is immutable and may run on many threads at once.
        static final Mustache TEMPLATE = new DefaultMustacheFactory().compile(HtmlReport.TEMPLATE);
    }

    private HtmlReport() {
    }

    /**
     * The report page. An empty evaluation gives a page with dashes for undefined metrics and an
     * empty error table.
     *
     * @param evaluation what to show
     * @param context    title, subject, date and provenance to show with it
     * @return a complete HTML document
     */
    public static String render(Evaluation evaluation, ReportContext context) {
        StringWriter out = new StringWriter();
        Holder.TEMPLATE.execute(out, ReportView.of(evaluation, context));
        return out.toString();
    }
}
