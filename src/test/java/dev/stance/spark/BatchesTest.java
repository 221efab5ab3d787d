package dev.stance.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class BatchesTest {

    @Test
    void handsOutEveryResultInOrderAndCallsTheWorkOncePerBatch() {
        List<Integer> sizes = new ArrayList<>();
        Iterator<Integer> input = IntStream.range(0, 25).boxed().iterator();
        Batches<Integer, String> out = new Batches<>(input, 10, batch -> {
            sizes.add(batch.size());
            return batch.stream().map(i -> "x" + i).toList();
        });
        List<String> all = new ArrayList<>();
        out.forEachRemaining(all::add);
        assertEquals(IntStream.range(0, 25).mapToObj(i -> "x" + i).toList(), all);
        assertEquals(List.of(10, 10, 5), sizes);
    }

    @Test
    void isLazyAndHoldsOneBatchAtATime() {
        Iterator<Integer> input = IntStream.range(0, 100).boxed().iterator();
        List<Integer> seen = new ArrayList<>();
        Batches<Integer, Integer> out = new Batches<>(input, 10, batch -> {
            seen.addAll(batch);
            return batch;
        });
        assertEquals(0, out.next());
        assertEquals(10, seen.size(), "only the first batch is read");
    }

    @Test
    void skipsBatchesThatGiveNothing() {
        Iterator<Integer> input = IntStream.range(0, 30).boxed().iterator();
        Batches<Integer, Integer> out = new Batches<>(input, 10,
                batch -> batch.get(0) == 0 ? List.of() : batch.subList(0, 1));
        assertEquals(10, out.next());
        assertEquals(20, out.next());
        assertFalse(out.hasNext());
        assertThrows(NoSuchElementException.class, out::next);
    }

    @Test
    void emptyInputNeverCallsTheWork() {
        Batches<Integer, Integer> out = new Batches<>(List.<Integer>of().iterator(), 10, batch -> {
            throw new AssertionError("called on " + batch);
        });
        assertFalse(out.hasNext());
    }

    @Test
    void rejectsABatchSizeBelowOne() {
        assertThrows(IllegalArgumentException.class, () -> new Batches<>(List.of(1).iterator(), 0, b -> b));
    }
}
