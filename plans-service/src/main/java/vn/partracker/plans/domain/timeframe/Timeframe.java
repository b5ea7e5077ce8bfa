package vn.partracker.plans.domain.timeframe;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;

/**
 * A task's timeframe: the wording the plan uses ("Thời gian thực hiện") and the structure derived from it.
 *
 * <p>The original text is always kept, because it is what the issuing authority signed and what users recognise;
 * the structured fields exist so that the system can compute due dates, overdue assignments and "due this period"
 * figures. Which fields are filled depends on {@link #kind()}; see {@link TimeframeKind}.
 *
 * <p>Deadline convention: "Trước ngày 16/02/2024" ("before 16 Feb 2024") makes 15 Feb the last admissible day, so
 * {@code dueDate} is 2024-02-15 and the assignment becomes overdue on the named day itself. Inclusive wordings
 * ("chậm nhất ngày …", "đến hết …", "Tháng 5/2024") are due on the last day they name, and so is a bare date
 * ("31/10/2025", as plans write it in a "Thời hạn" column); "Ngày 15/12/2024" is the day itself (ON_DATE).
 *
 * <p>{@code recognised} and {@code leftover} explain a parse: which parts of the text were understood and what was
 * not, so a planner can see at a glance whether "Quý IV năm 2022 (tùy tình hình)" was read fully. They are not part
 * of what the timeframe means, so {@link #equals} and {@link #hashCode} ignore them: two timeframes with the same
 * structure and text are equal however they were read.
 *
 * @param kind the structured shape; never null
 * @param start first day of the window, or null when the text gives none (BY_DATE, ON_EVENT, RELATIVE,
 *     UNSTRUCTURED)
 * @param end last day of the window, or null when the text gives none or is open-ended ("… và các năm tiếp theo")
 * @param dueDate the day by which the work must be done, or null when there is none (ONGOING, ON_EVENT, RELATIVE,
 *     UNSTRUCTURED, start-only RANGE) or there is one per occurrence (RECURRING, unless the text also names a first
 *     deadline: "Lần đầu trước ngày 30/6/2025; sau đó hằng năm")
 * @param recurrence how often a RECURRING timeframe comes round; null for every other kind
 * @param originalText the input text, trimmed; never null ("" for null input)
 * @param relativeDays for RELATIVE: days after the event, negative for days before it ("Chậm nhất trước 05 ngày tính
 *     đến …" is -5); null otherwise
 * @param relativeWorkingDays for RELATIVE: whether {@code relativeDays} counts working days ("ngày làm việc")
 * @param relativeTo for RELATIVE: the event the days are counted from, as written ("ban hành Quyết định công bố
 *     TTHC"); null otherwise
 * @param recognised the parts of the text that were understood, as written and in text order; never null,
 *     unmodifiable; empty for UNSTRUCTURED
 * @param leftover the rest of the text, not understood, pieces joined by " … "; never null, "" when everything was
 *     understood
 * @param tentative whether the text hedges the timing ("Dự kiến quý III/2025", "Khoảng tháng 9")
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
        String relativeTo,
        List<String> recognised,
        String leftover,
        boolean tentative) {

    /** Rejects a missing kind or text, the two fields every consumer relies on; copies {@code recognised}. */
    public Timeframe {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(originalText, "originalText");
        recognised = recognised == null ? List.of() : List.copyOf(recognised);
        leftover = leftover == null ? "" : leftover;
    }

    /**
     * A timeframe built by hand rather than parsed: nothing recognised, nothing left over, not tentative.
     *
     * @param kind the structured shape
     * @param start first day of the window
     * @param end last day of the window
     * @param dueDate the due date
     * @param recurrence the recurrence of a RECURRING timeframe
     * @param originalText the wording
     * @param relativeDays days after (negative: before) the event of a RELATIVE timeframe
     * @param relativeWorkingDays whether {@code relativeDays} counts working days
     * @param relativeTo the event of a RELATIVE timeframe
     */
    public Timeframe(
            TimeframeKind kind,
            LocalDate start,
            LocalDate end,
            LocalDate dueDate,
            Recurrence recurrence,
            String originalText,
            Integer relativeDays,
            boolean relativeWorkingDays,
            String relativeTo) {
        this(
                kind,
                start,
                end,
                dueDate,
                recurrence,
                originalText,
                relativeDays,
                relativeWorkingDays,
                relativeTo,
                List.of(),
                "",
                false);
    }

    /**
     * Parses the Vietnamese wording of a timeframe.
     *
     * <p>Matching ignores case, accents (NFC or NFD input, "đ" as "d"), spacing and line breaks, so text pasted
     * from Word or PDF extractions parses like typed text. Where the text names no year, {@code planYear} is used.
     * What is understood is specified, as a grammar, in the class comment of {@code TimeframeGrammar}; the parts
     * read are reported in {@link #recognised()} and the rest in {@link #leftover()}. Text in which nothing dated,
     * periodic, relative or event-driven is found gives {@link TimeframeKind#UNSTRUCTURED}; this method never
     * throws.
     *
     * @param text the wording, e.g. "Quý IV năm 2022"; null or blank gives UNSTRUCTURED
     * @param planYear the year of the plan the task belongs to
     * @return the parsed timeframe, never null
     */
    public static Timeframe parse(String text, int planYear) {
        return TimeframeGrammar.parse(text, planYear);
    }

    /**
     * The due dates that fall inside a window: one per occurrence for RECURRING (the end of each week, month,
     * quarter, half or year, or the day its {@link DueDayRule} names, limited to this timeframe's own start and end,
     * plus a first deadline the text names), the single {@link #dueDate()} for kinds that
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
            TreeSet<LocalDate> dates = new TreeSet<>();
            if (recurrence != null && !windowStart.isAfter(windowEnd)) {
                dates.addAll(recurrence.occurrenceDueDates(windowStart, windowEnd));
            }
            if (dueDate != null && !dueDate.isBefore(from) && !dueDate.isAfter(to)) {
                dates.add(dueDate);
            }
            return List.copyOf(dates);
        }
        if (dueDate == null || dueDate.isBefore(from) || dueDate.isAfter(to)) {
            return List.of();
        }
        return List.of(dueDate);
    }

    /**
     * The occurrences of a RECURRING timeframe: one per period of each cadence between this timeframe's own start and
     * end, or, where the text names none, {@code defaultStart} and {@code defaultEnd} (the plan's validity or year).
     * Every other kind has none: its single {@link #dueDate()} is the assignment's due date. See
     * {@link Recurrence#occurrences}.
     *
     * @param defaultStart the first day when the text names no start
     * @param defaultEnd the last day when the text names no end
     * @return the occurrences in due-date order; empty for every kind but RECURRING
     */
    public List<Occurrence> occurrences(LocalDate defaultStart, LocalDate defaultEnd) {
        if (kind != TimeframeKind.RECURRING || recurrence == null) {
            return List.of();
        }
        LocalDate from = start != null ? start : defaultStart;
        LocalDate to = end != null ? end : defaultEnd;
        if (from == null || to == null) {
            return List.of();
        }
        return recurrence.occurrences(from, to);
    }

    /** Equal when everything but {@code recognised} and {@code leftover} is equal; see the class comment. */
    @Override
    public boolean equals(Object o) {
        return this == o
                || o instanceof Timeframe t
                        && kind == t.kind
                        && Objects.equals(start, t.start)
                        && Objects.equals(end, t.end)
                        && Objects.equals(dueDate, t.dueDate)
                        && Objects.equals(recurrence, t.recurrence)
                        && originalText.equals(t.originalText)
                        && Objects.equals(relativeDays, t.relativeDays)
                        && relativeWorkingDays == t.relativeWorkingDays
                        && Objects.equals(relativeTo, t.relativeTo)
                        && tentative == t.tentative;
    }

    /** Consistent with {@link #equals}. */
    @Override
    public int hashCode() {
        return Objects.hash(
                kind,
                start,
                end,
                dueDate,
                recurrence,
                originalText,
                relativeDays,
                relativeWorkingDays,
                relativeTo,
                tentative);
    }

    static Timeframe unstructured(String originalText, String leftover) {
        return new Timeframe(
                TimeframeKind.UNSTRUCTURED,
                null,
                null,
                null,
                null,
                originalText,
                null,
                false,
                null,
                List.of(),
                leftover,
                false);
    }
}
