package vn.partracker.plans.domain.timeframe;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import vn.partracker.events.period.Frequency;
import vn.partracker.events.period.Period;

/**
 * How often a recurring timeframe comes round.
 *
 * <p>Plans combine several frequencies with ad-hoc work in one phrase: "Hàng quý, năm và đột xuất khi có yêu cầu" is
 * {@code {QUARTERLY, ANNUAL}} with {@code adHoc = true}. "Định kỳ và đột xuất" names no period at all, so
 * {@code frequencies} may be empty; such a recurrence yields no scheduled due dates.
 *
 * @param frequencies the named periods, iterated in {@link Frequency} declaration order; never null, unmodifiable
 * @param adHoc whether the text also asks for ad-hoc ("đột xuất") occurrences, which have no predictable date
 */
public record Recurrence(Set<Frequency> frequencies, boolean adHoc) {

    /** Copies {@code frequencies} into an unmodifiable, enum-ordered set; null means none. */
    public Recurrence {
        frequencies = frequencies == null || frequencies.isEmpty()
                ? Collections.unmodifiableSet(EnumSet.noneOf(Frequency.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(frequencies));
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
     * The due date of every scheduled occurrence whose period ends inside {@code [from, to]}: the last day of each
     * month, quarter, half or year, merged across frequencies (31 December counts once for "quý, năm").
     *
     * @param from first day of the window, inclusive
     * @param to last day of the window, inclusive
     * @return distinct dates in ascending order; empty when the window is empty or no period is named
     */
    public List<LocalDate> occurrenceDueDates(LocalDate from, LocalDate to) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Set<LocalDate> dates = new TreeSet<>();
        for (int year = from.getYear(); year <= to.getYear(); year++) {
            for (Frequency frequency : frequencies) {
                for (Period period : Period.ofYear(year, frequency)) {
                    LocalDate end = period.calendarEnd();
                    if (!end.isBefore(from) && !end.isAfter(to)) {
                        dates.add(end);
                    }
                }
            }
        }
        return List.copyOf(dates);
    }
}
