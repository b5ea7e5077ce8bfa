package vn.partracker.plans.domain.timeframe;

/**
 * The structured shape of a task's "Thời gian thực hiện" wording.
 *
 * <p>Each kind says which fields of {@link Timeframe} are filled; the Javadoc of each constant lists them so that
 * consumers (overdue checks, "due this period" aggregates) know what they can rely on.
 */
public enum TimeframeKind {
    /**
     * A deadline without a stated start ("Trước ngày 16/02/2024", "Đến hết năm 2025", a bare "31/10/2025"):
     * {@code end} and {@code dueDate} are the last admissible day, {@code start} is null.
     */
    BY_DATE,
    /** One calendar day ("Ngày 15/12/2024"): start, end and due date are that day. */
    ON_DATE,
    /** One calendar month ("Tháng 5/2024"): the month's first and last day, due on the last. */
    MONTH,
    /** One calendar quarter ("Quý IV năm 2022"): the quarter's first and last day, due on the last. */
    QUARTER,
    /**
     * A span of months, quarters, halves, days or years ("Tháng 3 đến tháng 7 năm 2022", "Quý I, II năm 2022",
     * "6 tháng đầu năm 2024", "3–4/2025"): first day of the first part to last day of the last part, due on the last
     * day. A start-only wording ("Kể từ ngày 01/8/2025", "Bắt đầu từ quý III/2025", "Sau tháng 6/2025") is a RANGE
     * with {@code start} set and {@code end} and {@code dueDate} null: it says when work begins, not when it is due.
     * Like MONTH, QUARTER and YEAR, a RANGE followed by "và các năm tiếp theo" or "trở đi" keeps its due date and
     * leaves {@code end} null (open-ended).
     */
    RANGE,
    /**
     * A calendar year ("Năm 2024", "Trong năm 2024"), due on 31 December. "… và các năm tiếp theo" keeps the first
     * year's due date and leaves {@code end} null (open-ended).
     */
    YEAR,
    /**
     * Periodic work or reports ("Hàng quý, năm và đột xuất", "Định kỳ hằng tháng", "Trước ngày 10 hằng tháng"):
     * {@code recurrence} says how often and on which day of each period, {@code start}/{@code end} bound the
     * occurrences (the plan year unless the text names one) and {@code dueDate} is null because every occurrence has
     * its own, unless the text also names a first deadline in another clause ("Lần đầu trước ngày 30/6/2025; sau đó
     * hằng năm"); see {@link Timeframe#dueDates}.
     */
    RECURRING,
    /**
     * Continuous work ("Thường xuyên", "Thường xuyên trong năm 2022"): bounded by the plan year (or the named year),
     * never due and therefore never overdue.
     */
    ONGOING,
    /**
     * Work triggered by an event with no fixed date ("Khi có phát sinh", "Khi CSDLQG … hoàn thiện", "Đột xuất khi có
     * yêu cầu"): no dates at all.
     */
    ON_EVENT,
    /**
     * A number of days counted from (or back from) an event ("Chậm nhất 10 ngày kể từ ngày ban hành Quyết định công
     * bố"): {@code relativeDays}, {@code relativeWorkingDays} and {@code relativeTo} are filled, the dates are not,
     * because the event date is not known when the plan is issued.
     */
    RELATIVE,
    /**
     * Wording the parser does not understand, or that defers the timing to another document ("Theo Kế hoạch"):
     * nothing dated, periodic, relative or event-driven was found, so only {@code originalText} (and the whole text
     * as {@code leftover}) is kept, so a planner can structure it by hand. A date that does not exist ("31/02/2024",
     * "Quý V") also gives UNSTRUCTURED rather than a guess.
     */
    UNSTRUCTURED
}
