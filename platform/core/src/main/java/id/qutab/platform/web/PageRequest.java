package id.qutab.platform.web;

import id.qutab.platform.problem.ProblemException;

/**
 * {@code ?page=0&size=20}, size at most 100. Out-of-range values are a 400, not silently clamped. This is the
 * only place an offset is computed: {@link #offset()}, or Panache's {@code page(page(), size())}, which
 * multiplies the two as {@code int}s itself, so {@link #of} refuses every page whose offset would not fit.
 */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;

    /** Largest offset handed to the database: an int, with room for a page of rows after it. */
    public static final int MAX_OFFSET = Integer.MAX_VALUE - MAX_SIZE;

    public PageRequest {
        if (page < 0) {
            throw ProblemException.invalid("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw ProblemException.invalid("size", "must be between 1 and " + MAX_SIZE);
        }
        if ((long) page * size > MAX_OFFSET) {
            throw ProblemException.invalid("page", "must be at most " + MAX_OFFSET / size + " with size " + size);
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? 20 : size);
    }

    public int offset() {
        return page * size; // cannot overflow: the constructor bounds it by MAX_OFFSET
    }
}
