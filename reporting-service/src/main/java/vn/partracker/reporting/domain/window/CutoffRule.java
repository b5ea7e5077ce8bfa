package vn.partracker.reporting.domain.window;

/**
 * How a report regime (chế độ báo cáo) turns a period into the dates whose figures it counts (thời gian chốt số
 * liệu). See {@link ReportingWindowCalculator#window(CutoffRule, vn.partracker.events.period.Period)} for the exact
 * dates.
 */
public enum CutoffRule {
    /**
     * The data cut-off of Nghị định 09/2019/NĐ-CP, Article 12, the default for state administrative reports: each
     * window runs from the 15th of the month before the period's first month to the 14th of its last month, so the
     * figures can be compiled and sent in the second half of the last month. Article 12 states this for monthly,
     * quarterly, six-month and annual reports; the nine-month window (15 December of the previous year to 14
     * September) follows the same pattern, as the design requires.
     */
    ND09,

    /** The calendar bounds of the period, for regimes that count whole months (e.g. 2024-Q1 is 1 January–31 March). */
    CALENDAR
}
