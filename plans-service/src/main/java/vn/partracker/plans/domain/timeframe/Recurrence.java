package vn.partracker.plans.domain.timeframe;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import vn.partracker.events.period.Frequency;
import vn.partracker.events.period.Period;

/**
 * How often a recurring timeframe comes round, and on which day of each period it is due.
 *
 * <p>Plans combine several cadences with ad-hoc work in one phrase: "Hàng quý, năm và đột xuất khi có yêu cầu" is
 * {@code {QUARTERLY, ANNUAL}} with {@code adHoc = true}. "Định kỳ và đột xuất" names no period at all, so the sets
 * may be empty; such a recurrence yields no scheduled due dates.
 *
 * <p>{@code cadences} is the full answer; {@code frequencies} is its projection onto the reporting
 * {@link Frequency frequencies} (everything but {@link Cadence#WEEKLY}), kept for the callers that store or report
 * frequencies. The canonical constructor keeps the two consistent whichever one a caller fills in.
 *
 * @param frequencies the named reporting periods, in {@link Frequency} declaration order; never null, unmodifiable
 * @param adHoc whether the text also asks for ad-hoc ("đột xuất") occurrences, which have no predictable date
 * @param cadences the named periods including weekly, in {@link Cadence} declaration order; never null, unmodifiable
 * @param dueDay the day of each period the work is due ("trước ngày 10 hằng tháng"), or null for the period's last
 *     day
 */
public record Recurrence(Set<Frequency> frequencies, boolean adHoc, Set<Cadence> cadences, DueDayRule dueDay) {

    /** Merges {@code frequencies} into {@code cadences} and derives {@code frequencies} back; null means none. */
    public Recurrence {
        Set<Cadence> all = EnumSet.noneOf(Cadence.class);
        if (cadences != null) {
            all.addAll(cadences);
        }
        if (frequencies != null) {
            frequencies.forEach(f -> all.add(Cadence.of(f)));
        }
        Set<Frequency> projected = EnumSet.noneOf(Frequency.class);
        all.forEach(c -> c.frequency().ifPresent(projected::add));
        cadences = Collections.unmodifiableSet(all);
        frequencies = Collections.unmodifiableSet(projected);
    }

    /**
     * A recurrence due at the end of each period.
     *
     * @param frequencies the named periods
     * @param adHoc whether ad-hoc occurrences are also required
     */
    public Recurrence(Set<Frequency> frequencies, boolean adHoc) {
        this(frequencies, adHoc, null, null);
    }

    /**
     * Convenience factory.
     *
     * @param adHoc whether ad-hoc occurrences are also required
     * @param frequencies the named periods
     * @return the recurrence
     */
    public static Recurrence of(boolean adHoc, Frequency... frequencies) {
        Set<Frequency> set = EnumSet.noneOf(Frequency.class);
        Collections.addAll(set, frequencies);
        return new Recurrence(set, adHoc);
    }

    /**
     * Convenience factory for cadences that include weekly or a due-day rule.
     *
     * @param adHoc whether ad-hoc occurrences are also required
     * @param dueDay the day of each period the work is due, or null for the period's last day
     * @param cadences the named periods
     * @return the recurrence
     */
    public static Recurrence of(boolean adHoc, DueDayRule dueDay, Cadence... cadences) {
        Set<Cadence> set = EnumSet.noneOf(Cadence.class);
        Collections.addAll(set, cadences);
        return new Recurrence(null, adHoc, set, dueDay);
    }

    /**
     * The due date of every scheduled occurrence that falls inside {@code [from, to]}: per cadence, the last day of
     * each week (Monday to Sunday), month, quarter, half, nine months or year, or the day {@link #dueDay()} names in
     * it (a weekday rule applies to weeks only, a rule naming a calendar date such as "15/12" to years only, a day of
     * the period's month to every cadence but weeks); merged across
     * cadences (31 December counts once for "quý, năm"). Years outside 1000–9999 have no periods.
     *
     * @param from first day of the window, inclusive
     * @param to last day of the window, inclusive
     * @return distinct dates in ascending order; empty when the window is empty or no period is named
     */
    public List<LocalDate> occurrenceDueDates(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Set<LocalDate> dates = new TreeSet<>();
        if (from.isAfter(to)) {
            return List.of();
        }
        for (Cadence cadence : cadences) {
            if (cadence == Cadence.WEEKLY) {
                boolean byWeekday = dueDay != null && dueDay.dayOfWeek() != null;
                LocalDate first = max(from, LocalDate.of(Period.MIN_YEAR, 1, 1));
                LocalDate last = min(to, LocalDate.of(Period.MAX_YEAR, 12, 31));
                LocalDate monday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                for (LocalDate week = monday; !week.isAfter(last); week = week.plusWeeks(1)) {
                    LocalDate sunday = week.plusDays(6);
                    add(dates, byWeekday ? dueDay.dueIn(week, sunday) : sunday, first, last);
                }
                continue;
            }
            Frequency frequency = cadence.frequency().orElseThrow();
            int firstYear = Math.max(Period.MIN_YEAR, from.getYear() - 1);
            int lastYear = Math.min(Period.MAX_YEAR, to.getYear());
            for (int year = firstYear; year <= lastYear; year++) {
                for (Period period : Period.ofYear(year, frequency)) {
                    boolean ruled = dueDay != null
                            && dueDay.dayOfWeek() == null
                            && (dueDay.month() == 0 || cadence == Cadence.ANNUAL);
                    LocalDate due =
                            !ruled ? period.calendarEnd() : dueDay.dueIn(period.calendarStart(), period.calendarEnd());
                    add(dates, due, from, to);
                }
            }
        }
        return List.copyOf(dates);
    }

    /**
     * The due-day rule that applies to one cadence's periods, or null when that cadence is due on each period's last
     * day: a weekday rule applies to weeks only, a rule naming a calendar date ("15/12 hằng năm") to years only, a
     * day of the period's month to every cadence but weeks. "Hằng quý, năm; trước ngày 15 của tháng cuối kỳ" has one
     * rule for both; a wording that names a different day per cadence is not yet told apart (a known corpus miss).
     *
     * @param cadence one of {@link #cadences()}
     * @return the rule, or null
     */
    public DueDayRule dueDayFor(Cadence cadence) {
        if (dueDay == null || !cadences.contains(cadence)) {
            return null;
        }
        if (dueDay.dayOfWeek() != null) {
            return cadence == Cadence.WEEKLY ? dueDay : null;
        }
        if (cadence == Cadence.WEEKLY) {
            return null;
        }
        return dueDay.month() == 0 || cadence == Cadence.ANNUAL ? dueDay : null;
    }

    /**
     * Every period of every cadence that overlaps {@code [from, to]}, each with its due date: the day {@link #dueDay()}
     * names in it (under the same rules as {@link #occurrenceDueDates}), or the period's last day when the text names
     * none, which is also the day the ND09 reporting periods close. A period is kept when any of its days lies in the
     * window, so a task that starts on 15 August still owes its August report. Ordered by due date, then code. Years
     * outside 1000–9999 have no periods.
     *
     * @param from first day of the window, inclusive
     * @param to last day of the window, inclusive
     * @return the occurrences; empty when the window is empty or no period is named
     */
    public List<Occurrence> occurrences(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        List<Occurrence> result = new ArrayList<>();
        LocalDate first = max(from, LocalDate.of(Period.MIN_YEAR, 1, 1));
        LocalDate last = min(to, LocalDate.of(Period.MAX_YEAR, 12, 31));
        if (first.isAfter(last)) {
            return List.of();
        }
        for (Cadence cadence : cadences) {
            DueDayRule rule = dueDayFor(cadence);
            if (cadence == Cadence.WEEKLY) {
                LocalDate monday = first.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
                for (LocalDate week = monday; !week.isAfter(last); week = week.plusWeeks(1)) {
                    LocalDate sunday = week.plusDays(6);
                    String code = String.format(
                            "%d-W%02d",
                            week.get(IsoFields.WEEK_BASED_YEAR), week.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
                    result.add(new Occurrence(
                            code, cadence, week, sunday, rule != null ? rule.dueIn(week, sunday) : sunday));
                }
                continue;
            }
            Frequency frequency = cadence.frequency().orElseThrow();
            for (int year = first.getYear(); year <= last.getYear(); year++) {
                for (Period period : Period.ofYear(year, frequency)) {
                    if (period.calendarEnd().isBefore(first)
                            || period.calendarStart().isAfter(last)) {
                        continue;
                    }
                    LocalDate due = rule != null
                            ? rule.dueIn(period.calendarStart(), period.calendarEnd())
                            : period.calendarEnd();
                    result.add(
                            new Occurrence(period.code(), cadence, period.calendarStart(), period.calendarEnd(), due));
                }
            }
        }
        result.sort(Comparator.comparing(Occurrence::dueDate).thenComparing(Occurrence::code));
        return List.copyOf(result);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    private static void add(Set<LocalDate> dates, LocalDate date, LocalDate from, LocalDate to) {
        if (!date.isBefore(from) && !date.isAfter(to)) {
            dates.add(date);
        }
    }
}
