package vn.partracker.reporting.domain.window;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import vn.partracker.events.period.Frequency;
import vn.partracker.events.period.Period;

/**
 * Computes the data cut-off windows (thời gian chốt số liệu) of reporting periods. Stateless and free of framework
 * code so that the rule of Nghị định 09/2019/NĐ-CP can be tested date by date.
 */
public final class ReportingWindowCalculator {

    private static final int ND09_FIRST_DAY = 15;
    private static final int ND09_LAST_DAY = 14;

    private ReportingWindowCalculator() {}

    /**
     * The window of one period.
     *
     * <p>Under {@link CutoffRule#ND09} (Nghị định 09/2019/NĐ-CP, Article 12) the window is the period's calendar months
     * shifted back by half a month: from the 15th of the month before the first month to the 14th of the last month.
     * That one formula reproduces Article 12 and extends it to nine-month reports as the design asks:
     *
     * <ul>
     *   <li>monthly: 15th of the previous month to the 14th of the month (2024-01: 2023-12-15 to 2024-01-14);
     *   <li>quarterly: 15th of the month before the quarter to the 14th of its last month (2024-Q2: 2024-03-15 to
     *       2024-06-14);
     *   <li>six months ({@code S1}): 15 December of the previous year to 14 June;
     *   <li>second half year ({@code S2}): 15 June to 14 December of the same year, so that S1 and S2 tile the annual
     *       window without gap or overlap and a figure is never counted in two half-year reports;
     *   <li>nine months: 15 December of the previous year to 14 September;
     *   <li>annual: 15 December of the previous year to 14 December.
     * </ul>
     *
     * <p>Under {@link CutoffRule#CALENDAR} the window is the period's calendar bounds.
     */
    public static ReportingWindow window(CutoffRule rule, Period period) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(period, "period");
        return switch (rule) {
            case ND09 ->
                new ReportingWindow(
                        period,
                        period.firstMonth().minusMonths(1).atDay(ND09_FIRST_DAY),
                        period.lastMonth().atDay(ND09_LAST_DAY));
            case CALENDAR -> new ReportingWindow(period, period.calendarStart(), period.calendarEnd());
        };
    }

    /** The windows of every period of the frequency in the year, in period order (12, 4, 2, 1 or 1 windows). */
    public static List<ReportingWindow> windows(CutoffRule rule, int year, Frequency frequency) {
        Objects.requireNonNull(rule, "rule");
        return Period.ofYear(year, frequency).stream()
                .map(period -> window(rule, period))
                .toList();
    }

    /**
     * The period of the frequency whose window contains the date, i.e. the report a figure dated that day is counted
     * in. Under ND09 a date from the 15th on belongs to the next month's report, and 2024-12-20 to 2025-01, 2025-Q1,
     * 2025-S1, 2025-N9 and 2025.
     *
     * @return empty for dates no window of the frequency covers: under ND09 15 September–14 December for nine-month
     *     reports, under CALENDAR October–December for them; and dates whose period would lie outside the years
     *     {@link Period} supports
     */
    public static Optional<Period> periodContaining(CutoffRule rule, Frequency frequency, LocalDate date) {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(frequency, "frequency");
        Objects.requireNonNull(date, "date");
        // A window starts less than a month before its period and never ends after it, so only periods of the
        // date's year and the next one can contain the date.
        int firstYear = Math.max(date.getYear(), Period.MIN_YEAR);
        int lastYear = Math.min(date.getYear() + 1, Period.MAX_YEAR);
        return IntStream.rangeClosed(firstYear, lastYear)
                .mapToObj(year -> Period.ofYear(year, frequency))
                .flatMap(List::stream)
                .filter(period -> window(rule, period).contains(date))
                .findFirst();
    }
}
