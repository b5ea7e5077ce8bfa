package vn.partracker.support.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list answer with the total count, so a client can page without guessing.
 *
 * @param items the rows of this page
 * @param page the page number, from 0
 * @param size the requested page size
 * @param total the number of rows matching the filters, over all pages
 */
public record Page<T>(List<T> items, int page, int size, long total) {

    /** Builds a page from a request and its rows. */
    public static <T> Page<T> of(PageRequest request, List<T> items, long total) {
        return new Page<>(List.copyOf(items), request.page(), request.size(), total);
    }

    /** The same page with each item mapped, e.g. entity to DTO. */
    public <R> Page<R> map(Function<? super T, ? extends R> mapper) {
        return new Page<>(items.stream().<R>map(mapper).toList(), page, size, total);
    }
}
