package vn.partracker.plans.domain.timeframe;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.temporal.TemporalAdjusters;
import java.util.Objects;

/**
 * Which day of each period a recurring task is due, when the plan names one instead of leaving it at the period's
 * last day: "trước ngày 10 hằng tháng" (day 10 of each month, exclusive), "trước ngày 15/12 hằng năm" (15 December
 * of each year, exclusive), "trước ngày 05 của tháng cuối quý" (day 5 of the last month of each quarter, exclusive),
 * "trước ngày 10 của tháng đầu quý sau" (day 10 of the month after each quarter), "trước 15:00 ngày thứ Sáu hằng
 * tuần" (the Friday of each week).
 *
 * <p>A day past the end of a short month is that month's last day ("ngày 31" in February is the 28th or 29th).
 *
 * @param day the day of the month named, 1–31; 0 for a weekday rule
 * @param month the calendar month named (1–12) for yearly rules such as "15/12 hằng năm"; 0 when the month is taken
 *     from the period by {@code monthOfPeriod}
 * @param monthOfPeriod which month of the period the day falls in when {@code month} is 0; never null
 * @param exclusive whether the day itself is already late ("trước ngày 10": due on the 9th); false when the text
 *     names a time of day ("trước 15:00 ngày thứ Sáu" is due on the Friday)
 * @param dayOfWeek the weekday of a weekly rule ("ngày thứ Sáu hằng tuần"), or null for a day of the month
 */
public record DueDayRule(int day, int month, MonthOfPeriod monthOfPeriod, boolean exclusive, DayOfWeek dayOfWeek) {

    /** The month, relative to one occurrence's period, that the due day falls in. */
    public enum MonthOfPeriod {
        /** The period's first month ("tháng đầu quý"). */
        FIRST,
        /** The period's last month ("tháng cuối quý"; for a monthly cadence the month itself). */
        LAST,
        /** The month after the period ("tháng sau", "tháng đầu quý sau"). */
        FOLLOWING
    }

    /** Rejects days and months outside the calendar. */
    public DueDayRule {
        Objects.requireNonNull(monthOfPeriod, "monthOfPeriod");
        if (dayOfWeek == null ? day < 1 || day > 31 : day != 0) {
            throw new IllegalArgumentException("Day must be 1–31: " + day);
        }
        if (month < 0 || month > 12) {
            throw new IllegalArgumentException("Month must be 0–12: " + month);
        }
    }

    /**
     * A day of the month (or of a named month) in each period.
     *
     * @param day the day of the month, 1–31
     * @param month the calendar month for yearly rules, or 0
     * @param monthOfPeriod which month of the period when {@code month} is 0
     * @param exclusive whether the named day itself is already late
     */
    public DueDayRule(int day, int month, MonthOfPeriod monthOfPeriod, boolean exclusive) {
        this(day, month, monthOfPeriod, exclusive, null);
    }

    /**
     * A weekday of each week.
     *
     * @param dayOfWeek the weekday
     * @param exclusive whether the weekday itself is already late
     * @return the rule
     */
    public static DueDayRule weekday(DayOfWeek dayOfWeek, boolean exclusive) {
        return new DueDayRule(0, 0, MonthOfPeriod.LAST, exclusive, Objects.requireNonNull(dayOfWeek, "dayOfWeek"));
    }

    /**
     * The due date of the occurrence whose period runs from {@code periodStart} to {@code periodEnd}.
     *
     * @param periodStart the period's first day
     * @param periodEnd the period's last day
     * @return the due date
     */
    public LocalDate dueIn(LocalDate periodStart, LocalDate periodEnd) {
        if (dayOfWeek != null) {
            LocalDate date = periodStart.with(TemporalAdjusters.nextOrSame(dayOfWeek));
            return exclusive ? date.minusDays(1) : date;
        }
        YearMonth yearMonth;
        if (month != 0) {
            yearMonth = YearMonth.of(periodEnd.getYear(), month);
        } else {
            yearMonth = switch (monthOfPeriod) {
                case FIRST -> YearMonth.from(periodStart);
                case LAST -> YearMonth.from(periodEnd);
                case FOLLOWING -> YearMonth.from(periodEnd).plusMonths(1);
            };
        }
        LocalDate date = yearMonth.atDay(Math.min(day, yearMonth.lengthOfMonth()));
        return exclusive ? date.minusDays(1) : date;
    }
}
