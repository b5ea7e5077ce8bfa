package vn.partracker.plans.domain.timeframe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The occurrences a recurring wording gives in a window: period codes, the overlap rule and the due-day rules. */
class RecurrenceOccurrencesTest {

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
    private static final LocalDate DEC_31 = LocalDate.of(2024, 12, 31);

    /** The recurrence's occurrences in the window (the timeframe itself is bounded by the plan year). */
    private static List<Occurrence> of(String text, LocalDate from, LocalDate to) {
        Timeframe tf = Timeframe.parse(text, 2024);
        return tf.recurrence() == null
                ? tf.occurrences(from, to)
                : tf.recurrence().occurrences(from, to);
    }

    @Test
    void aTimeframeBoundsItsOccurrencesByItsOwnStartAndEnd() {
        Timeframe monthly = Timeframe.parse("Trước ngày 10 hằng tháng", 2024);
        assertEquals(JAN_1, monthly.start(), "a recurrence without a named year is bounded by the plan year");
        assertEquals(
                12,
                monthly.occurrences(LocalDate.of(2021, 1, 1), LocalDate.of(2025, 12, 31))
                        .size());
    }

    @Test
    void halvesNineMonthsAndTheFollowingMonthUseTheirOwnCodesAndDays() {
        List<Occurrence> halves = of("Định kỳ 6 tháng", JAN_1, DEC_31);
        assertEquals(
                List.of("2024-S1", "2024-S2"),
                halves.stream().map(Occurrence::code).toList());
        assertEquals(
                List.of(LocalDate.of(2024, 6, 30), DEC_31),
                halves.stream().map(Occurrence::dueDate).toList());
        List<Occurrence> following = of("Trước ngày 10 của tháng đầu quý sau", JAN_1, DEC_31);
        assertEquals(
                List.of(
                        LocalDate.of(2024, 4, 9),
                        LocalDate.of(2024, 7, 9),
                        LocalDate.of(2024, 10, 9),
                        LocalDate.of(2025, 1, 9)),
                following.stream().map(Occurrence::dueDate).toList(),
                "the fourth quarter's report falls due in the next year but belongs to 2024-Q4");
        assertEquals("2024-Q4", following.get(3).code());
    }

    @Test
    void aPeriodIsKeptWhenAnyOfItsDaysIsInTheWindow() {
        List<Occurrence> fromMidAugust =
                of("Trước ngày 10 hằng tháng", LocalDate.of(2024, 8, 15), LocalDate.of(2024, 10, 1));
        assertEquals(
                List.of("2024-08", "2024-09", "2024-10"),
                fromMidAugust.stream().map(Occurrence::code).toList());
        assertEquals(LocalDate.of(2024, 8, 9), fromMidAugust.get(0).dueDate());
    }

    @Test
    void weeksAreIsoWeeksDueOnSundayOrOnTheNamedWeekday() {
        List<Occurrence> weeks = of("Hằng tuần", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 12));
        assertEquals(
                List.of("2025-W01", "2025-W02"),
                weeks.stream().map(Occurrence::code).toList());
        assertEquals(LocalDate.of(2024, 12, 30), weeks.get(0).periodStart(), "ISO week 1 of 2025 starts in 2024");
        assertEquals(LocalDate.of(2025, 1, 5), weeks.get(0).dueDate());
        List<Occurrence> fridays =
                of("Trước 15:00 ngày thứ Sáu hằng tuần", LocalDate.of(2025, 1, 1), LocalDate.of(2025, 1, 12));
        assertEquals(
                List.of(LocalDate.of(2025, 1, 3), LocalDate.of(2025, 1, 10)),
                fridays.stream().map(Occurrence::dueDate).toList());
    }

    @Test
    void aYearlyDateAppliesToYearsOnlyAndOneOffKindsHaveNone() {
        List<Occurrence> yearly = of("Trước ngày 15/12 hằng năm", JAN_1, LocalDate.of(2025, 12, 31));
        assertEquals(
                List.of("2024", "2025"), yearly.stream().map(Occurrence::code).toList());
        assertEquals(LocalDate.of(2024, 12, 14), yearly.get(0).dueDate());
        assertEquals(List.of(), of("Quý IV năm 2024", JAN_1, DEC_31));
        assertEquals(List.of(), of("Thường xuyên", JAN_1, DEC_31));
        assertEquals(List.of(), of("Định kỳ và đột xuất", JAN_1, DEC_31));
    }
}
