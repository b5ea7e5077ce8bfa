package vn.partracker.plans.domain;

/**
 * The stored form of the day of each period a recurring task is due for one cadence ("trước ngày 10 hằng tháng":
 * MONTHLY, day 10, exclusive, so due on the 9th). Mirrors {@code timeframe.DueDayRule} with plain values so that it
 * can live in a JSON column.
 *
 * @param cadence the cadence the rule applies to (WEEKLY, MONTHLY, QUARTERLY, SEMI_ANNUAL, NINE_MONTHS, ANNUAL)
 * @param day the day of the month, or null for a weekday rule
 * @param month the calendar month of a yearly rule ("15/12 hằng năm"), or null when taken from the period
 * @param monthOfPeriod FIRST, LAST or FOLLOWING month of the period, or null for a weekday or calendar-month rule
 * @param dayOfWeek the weekday of a weekly rule (MONDAY … SUNDAY), or null
 * @param exclusive whether the named day itself is already late ("trước ngày 10")
 */
public record DueDayValue(
        String cadence, Integer day, Integer month, String monthOfPeriod, String dayOfWeek, boolean exclusive) {}
