package dev.stance.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.io.Reader;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.stance.LabelledSentence;
import dev.stance.Prediction;
import dev.stance.SentenceAnalysis;
import dev.stance.StanceClassifier;
import dev.stance.StatementAnalysis;
import dev.stance.TestCorpus;
import dev.stance.Variant;
import dev.stance.text.SentenceSplitter;

/** The per-batch work of the partition functions, without Spark: batching and row layout. */
class PartitionFunctionsTest {

    static StanceClassifier fast;
    static List<String> sentences;

    /** The real classifier, counting how often and with how many texts it is called. */
    static final class Counting implements StanceClassifier {
        final List<Integer> calls = new ArrayList<>();

        @Override
        public Prediction classify(String sentence) {
            throw new AssertionError("classify called one by one");
        }

        @Override
        public List<Prediction> classifyAll(List<String> texts) {
            calls.add(texts.size());
            return fast.classifyAll(texts);
        }

        @Override
        public StatementAnalysis analyze(String statement) {
            throw new AssertionError("analyze called per statement");
        }

        @Override
        public void analyze(Reader statement, Consumer<dev.stance.SentenceAnalysis> sink) {
            throw new AssertionError("analyze called per statement");
        }
    }

    @BeforeAll
    static void load() {
        fast = StanceClassifier.loadDefault(Variant.FAST);
        sentences = TestCorpus.slice("test.tsv", 20).stream().map(LabelledSentence::text).toList();
    }

    @Test
    void labelClassifiesABatchInOneCallAndKeepsRowsInOrder() {
        List<Row> rows = new ArrayList<>();
        List<String> texts = new ArrayList<>();
        for (int i = 0; i < sentences.size(); i++) {
            String text = i % 7 == 3 ? null : sentences.get(i);
            rows.add(RowFactory.create((long) i, text));
            if (text != null) {
                texts.add(text);
            }
        }
        Counting counting = new Counting();
        List<Row> out = LabelPartition.label(rows, 1, counting);

        assertEquals(List.of(texts.size()), counting.calls);
        List<Prediction> expected = fast.classifyAll(texts);
        int next = 0;
        assertEquals(rows.size(), out.size());
        for (int i = 0; i < rows.size(); i++) {
            Row row = out.get(i);
            assertEquals(2 + Columns.PREDICTION_WIDTH, row.length());
            assertEquals((long) i, row.getLong(0));
            if (rows.get(i).isNullAt(1)) {
                for (int c = 2; c < row.length(); c++) {
                    assertNull(row.get(c), "column " + c + " of a null text");
                }
            } else {
                Prediction p = expected.get(next++);
                assertSame(rows.get(i).getString(1), row.getString(1));
                assertEquals(p.stance().name(), row.getString(2));
                assertEquals(p.confidence(), row.getDouble(3), 0.0);
                for (dev.stance.Stance s : dev.stance.Stance.values()) {
                    assertEquals(p.score(s), row.getDouble(4 + s.ordinal()), 0.0, s.name());
                }
            }
        }
    }

    @Test
    void labelOfOnlyNullTextsNeverCallsTheClassifier() {
        Counting counting = new Counting();
        List<Row> out = LabelPartition.label(List.of(RowFactory.create("a", null)), 1, counting);
        assertEquals(List.of(), counting.calls);
        assertEquals("a", out.get(0).getString(0));
        assertNull(out.get(0).get(2));
    }

    @Test
    void explodeClassifiesTheSentencesOfAllStatementsInOneCallLikeAnalyze() {
        List<Row> rows = new ArrayList<>();
        List<String> statements = new ArrayList<>();
        for (int i = 0; i + 3 <= sentences.size(); i += 3) {
            String statement = sentences.get(i) + " " + sentences.get(i + 1) + "\n\n" + sentences.get(i + 2);
            statements.add(statement);
            rows.add(RowFactory.create(i, statement));
        }
        rows.add(RowFactory.create(-1, null));
        rows.add(RowFactory.create(-2, "   "));
        Counting counting = new Counting();
        List<Row> out = SentencePartition.explode(rows, 0, 1, new SentenceSplitter(), counting);

        assertEquals(1, counting.calls.size());
        List<Row> expected = new ArrayList<>();
        for (int s = 0; s < statements.size(); s++) {
            StatementAnalysis a = fast.analyze(statements.get(s));
            for (int k = 0; k < a.sentences().size(); k++) {
                SentenceAnalysis sa = a.sentences().get(k);
                Prediction p = sa.prediction();
                expected.add(RowFactory.create(s * 3, k, sa.begin(), sa.end(), sa.text(), p.stance().name(),
                        p.confidence(), p.score(dev.stance.Stance.DENIAL), p.score(dev.stance.Stance.ACCUSATION),
                        p.score(dev.stance.Stance.CONDEMNATION), p.score(dev.stance.Stance.CALL_FOR_NEGOTIATION),
                        p.score(dev.stance.Stance.NONE)));
            }
        }
        assertEquals(counting.calls.get(0), expected.size());
        assertEquals(expected, out);
    }
}
