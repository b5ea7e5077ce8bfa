package vn.partracker.support.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.ValidationException;

class PageRequestTest {

    @Test
    void defaultsToTheFirstPageOfFifty() {
        PageRequest request = PageRequest.of(null, null);
        assertEquals(0, request.page());
        assertEquals(50, request.size());
        assertEquals(0, request.offset());
    }

    @Test
    void offsetIsPageTimesSize() {
        assertEquals(1000, PageRequest.of(2, 500).offset());
    }

    @Test
    void rejectsEveryBadParameterAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> PageRequest.of(-1, 501));
        assertEquals(
                List.of(
                        new FieldError("page", "must be 0 or more"),
                        new FieldError("size", "must be between 1 and 500")),
                e.errors());
        assertThrows(ValidationException.class, () -> PageRequest.of(0, 0));
    }

    @Test
    void mapsItemsAndKeepsTheTotal() {
        Page<Integer> page = Page.of(PageRequest.of(1, 2), List.of(3, 4), 5);
        Page<String> mapped = page.map(i -> "#" + i);
        assertEquals(List.of("#3", "#4"), mapped.items());
        assertEquals(5, mapped.total());
        assertEquals(1, mapped.page());
    }

    @Test
    void aPageWhoseOffsetWouldOverflowIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(
                vn.partracker.support.problem.ValidationException.class,
                () -> PageRequest.of(Integer.MAX_VALUE, PageRequest.MAX_SIZE));
        org.junit.jupiter.api.Assertions.assertEquals(
                1_000_000_000, PageRequest.of(2_000_000, PageRequest.MAX_SIZE).offset());
    }
}
