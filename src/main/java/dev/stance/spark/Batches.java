package dev.stance.spark;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * Reads its input a batch at a time and hands out what each batch became. Lazy: it holds one
 * batch, never the whole partition. Not thread-safe (an iterator of one task).
 *
 * @param <I> input element
 * @param <O> output element
 */
final class Batches<I, O> implements Iterator<O> {

    private final Iterator<I> input;
    private final int size;
    private final Function<List<I>, List<O>> work;
    private Iterator<O> current = Collections.emptyIterator();

    /**
     * @param size the most inputs handed to {@code work} at once
     * @param work turns a non-empty batch into its outputs (any number, possibly none)
     */
    Batches(Iterator<I> input, int size, Function<List<I>, List<O>> work) {
        if (size < 1) {
            throw new IllegalArgumentException("batch size must be at least 1, got " + size);
        }
        this.input = input;
        this.size = size;
        this.work = work;
    }

    @Override
    public boolean hasNext() {
        while (!current.hasNext() && input.hasNext()) {
            List<I> batch = new ArrayList<>(size);
            while (batch.size() < size && input.hasNext()) {
                batch.add(input.next());
            }
            current = work.apply(batch).iterator();
        }
        return current.hasNext();
    }

    @Override
    public O next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        return current.next();
    }
}
