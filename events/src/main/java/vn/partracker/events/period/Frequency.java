package vn.partracker.events.period;

/**
 * How often an indicator is measured or a periodic report (báo cáo định kỳ) is due.
 *
 * <p>These are the periodic report kinds of Nghị định 09/2019/NĐ-CP plus the nine-month report that provincial
 * plans ask for ("báo cáo 9 tháng"). The periods of one frequency are consecutive blocks of {@link #months()}
 * calendar months starting in January, except {@link #NINE_MONTHS}: it is the single block January–September, so
 * October–December belong to no nine-month period.
 */
public enum Frequency {
    /** One calendar month; code {@code 2024-03}. */
    MONTHLY(1, 12),
    /** One calendar quarter; codes {@code 2024-Q1} to {@code 2024-Q4}. */
    QUARTERLY(3, 4),
    /** Half a year (báo cáo 6 tháng); codes {@code 2024-S1} (January–June) and {@code 2024-S2} (July–December). */
    SEMI_ANNUAL(6, 2),
    /** January to September (báo cáo 9 tháng); code {@code 2024-N9}. */
    NINE_MONTHS(9, 1),
    /** The calendar year; code {@code 2024}. */
    ANNUAL(12, 1);

    private final int months;
    private final int periodsPerYear;

    Frequency(int months, int periodsPerYear) {
        this.months = months;
        this.periodsPerYear = periodsPerYear;
    }

    /** Number of calendar months one period of this frequency spans. */
    public int months() {
        return months;
    }

    /**
     * Number of periods of this frequency in one year: 12, 4, 2, 1, 1. For {@link #NINE_MONTHS} it is 1 even though
     * the period does not cover the whole year.
     */
    public int periodsPerYear() {
        return periodsPerYear;
    }
}
