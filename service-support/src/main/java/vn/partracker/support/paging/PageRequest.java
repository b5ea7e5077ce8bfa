package vn.partracker.support.paging;

import java.util.ArrayList;
import java.util.List;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.ValidationException;

/**
 * A validated {@code ?page=&size=} pair. Pages are numbered from 0; size is capped at {@link #MAX_SIZE} so one
 * request cannot ask the database for an unbounded result.
 */
public record PageRequest(int page, int size) {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 500;

    /** The highest row offset a page may start at; beyond it {@code page × size} would overflow an int. */
    public static final int MAX_OFFSET = 1_000_000_000;

    /** Validates raw query parameters, {@code null} meaning "not given". */
    public static PageRequest of(Integer page, Integer size) {
        List<FieldError> errors = new ArrayList<>();
        int p = page == null ? 0 : page;
        int s = size == null ? DEFAULT_SIZE : size;
        if (p < 0) {
            errors.add(new FieldError("page", "must be 0 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new FieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        if (errors.isEmpty() && (long) p * s > MAX_OFFSET) {
            errors.add(new FieldError("page", "page × size must not exceed " + MAX_OFFSET));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new PageRequest(p, s);
    }

    /** Row offset of the first item. */
    public int offset() {
        return page * size;
    }
}
