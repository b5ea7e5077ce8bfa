package vn.partracker.plans.domain.timeframe;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A task's timeframe: the wording the plan uses ("Thời gian thực hiện") and the structure derived from it.
 *
 * <p>The original text is always kept, because it is what the issuing authority signed and what users recognise;
 * the structured fields exist so that the system can compute due dates, overdue assignments and "due this period"
 * figures. Which fields are filled depends on {@link #kind()}; see {@link TimeframeKind}.
 *
 * <p>Deadline convention: "Trước ngày 16/02/2024" ("before 16 Feb 2024") makes 15 Feb the last admissible day, so
 * {@code dueDate} is 2024-02-15 and the assignment becomes overdue on the named day itself. Inclusive wordings
 * ("chậm nhất ngày …", "đến hết …", "Tháng 5/2024") are due on the last day they name.
 *
 * @param kind the structured shape; never null
 * @param start first day of the window, or null when the text gives none (BY_DATE, ON_EVENT, RELATIVE,
 *     UNSTRUCTURED)
 * @param end last day of the window, or null when the text gives none or is open-ended ("… và các năm tiếp theo")
 * @param dueDate the day by which the work must be done, or null when there is none (ONGOING, ON_EVENT, RELATIVE,
 *     UNSTRUCTURED) or there is one per occurrence (RECURRING)
 * @param recurrence how often a RECURRING timeframe comes round; null for every other kind
 * @param originalText the input text, trimmed; never null ("" for null input)
 * @param relativeDays for RELATIVE: days after the event, negative for days before it ("Chậm nhất trước 05 ngày tính
 *     đến …" is -5); null otherwise
 * @param relativeWorkingDays for RELATIVE: whether {@code relativeDays} counts working days ("ngày làm việc")
 * @param relativeTo for RELATIVE: the event the days are counted from, as written ("ban hành Quyết định công bố
 *     TTHC"); null otherwise
 */
public record Timeframe(
        TimeframeKind kind,
        LocalDate start,
        LocalDate end,
        LocalDate dueDate,
        Recurrence recurrence,
        String originalText,
        Integer relativeDays,
        boolean relativeWorkingDays,
        String relativeTo) {

    /** Rejects a missing kind or text, the two fields every consumer relies on. */
    public Timeframe {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(originalText, "originalText");
    }

    /**
     * Parses the Vietnamese wording of a timeframe.
     *
     * <p>Matching ignores case, accents (NFC or NFD input, "đ" as "d"), spacing and line breaks, so text pasted
     * from Word or PDF extractions parses like typed text. Where the text names no year, {@code planYear} is used.
     * Text the parser does not understand gives {@link TimeframeKind#UNSTRUCTURED}; this method never throws.
     *
     * @param text the wording, e.g. "Quý IV năm 2022"; null or blank gives UNSTRUCTURED
     * @param planYear the year of the plan the task belongs to
     * @return the parsed timeframe, never null
     */
    public static Timeframe parse(String text, int planYear) {
        return TimeframeParser.parse(text, planYear);
    }

    /**
     * The due dates that fall inside a window: one per occurrence for RECURRING (the end of each month, quarter,
     * half or year, limited to this timeframe's own start and end), the single {@link #dueDate()} for kinds that
     * have one, and none for ONGOING, ON_EVENT, RELATIVE and UNSTRUCTURED, whose dates cannot be known in advance.
     *
     * @param from first day of the window, inclusive
     * @param to last day of the window, inclusive
     * @return distinct dates in ascending order; empty when {@code from} is after {@code to}
     */
    public List<LocalDate> dueDates(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (kind == TimeframeKind.RECURRING) {
            LocalDate windowStart = start != null && start.isAfter(from) ? start : from;
            LocalDate windowEnd = end != null && end.isBefore(to) ? end : to;
            if (recurrence == null || windowStart.isAfter(windowEnd)) {
                return List.of();
            }
            return recurrence.occurrenceDueDates(windowStart, windowEnd);
        }
        if (dueDate == null || dueDate.isBefore(from) || dueDate.isAfter(to)) {
            return List.of();
        }
        return List.of(dueDate);
    }

    static Timeframe unstructured(String originalText) {
        return new Timeframe(TimeframeKind.UNSTRUCTURED, null, null, null, null, originalText, null, false, null);
    }

    static Timeframe of(TimeframeKind kind, LocalDate start, LocalDate end, LocalDate dueDate, String text) {
        return new Timeframe(kind, start, end, dueDate, null, text, null, false, null);
    }
}
