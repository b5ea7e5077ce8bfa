package vn.partracker.events.period;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * A reporting period identified by an ISO-8601-like code: {@code 2024} (year), {@code 2024-S1}/{@code 2024-S2}
 * (half year), {@code 2024-N9} (January–September), {@code 2024-Q1}..{@code 2024-Q4} (quarter) or {@code 2024-03}
 * (month).
 *
 * <p>The code is the only wire form (JSON, query parameters, event payloads), so parsing is strict: only canonical
 * codes are accepted and {@link #parse(String)} followed by {@link #code()} returns the input unchanged. Years are
 * limited to four digits (1000–9999) for the same reason.
 *
 * <p>A period knows only its calendar bounds. The dates whose figures are counted in a report for the period (the
 * data cut-off window of Nghị định 09/2019/NĐ-CP, Article 12) depend on the report regime and are computed in
 * reporting-service.
 *
 * <p>Natural order is chronological by calendar start, and among periods starting on the same day the shorter one
 * first ({@code 2024-01 < 2024-Q1 < 2024-S1 < 2024-N9 < 2024 < 2024-02}); it is consistent with {@code equals}.
 */
public final class Period implements Comparable<Period> {

    /** Smallest year a period code can carry. */
    public static final int MIN_YEAR = 1000;

    /** Largest year a period code can carry. */
    public static final int MAX_YEAR = 9999;

    private static final Pattern CODE =
            Pattern.compile("([1-9][0-9]{3})(?:-(?:(0[1-9]|1[0-2])|Q([1-4])|S([12])|N(9)))?");

    private static final String ACCEPTED_FORMATS = "expected YYYY (year), YYYY-S1 or YYYY-S2 (half year), "
            + "YYYY-N9 (nine months, January to September), YYYY-Q1 to YYYY-Q4 (quarter) "
            + "or YYYY-MM with MM from 01 to 12 (month), YYYY being a four-digit year from 1000 to 9999";

    private static final int MAX_ECHOED_LENGTH = 40;

    private final int year;
    private final Frequency frequency;
    private final int index;

    private Period(int year, Frequency frequency, int index) {
        this.year = year;
        this.frequency = frequency;
        this.index = index;
    }

    /**
     * The period with the given position in its year.
     *
     * @param index 1-based position within the year: month 1–12, quarter 1–4, half 1–2; always 1 for
     *     {@link Frequency#NINE_MONTHS} and {@link Frequency#ANNUAL}
     * @throws IllegalArgumentException if the year is outside 1000–9999 or the index outside its range
     */
    public static Period of(int year, Frequency frequency, int index) {
        Objects.requireNonNull(frequency, "frequency");
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException(
                    "Period year must be between " + MIN_YEAR + " and " + MAX_YEAR + ", got " + year);
        }
        if (index < 1 || index > frequency.periodsPerYear()) {
            throw new IllegalArgumentException("Index of a " + frequency + " period must be between 1 and "
                    + frequency.periodsPerYear() + ", got " + index);
        }
        return new Period(year, frequency, index);
    }

    /**
     * Parses a canonical period code.
     *
     * @throws InvalidPeriodException if the code is null, blank or not exactly one of the accepted forms (for
     *     example {@code 2024-Q5}, {@code 2024-13}, {@code 24-Q1}, {@code 2024-q1}, {@code 2024-3})
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public static Period parse(String code) {
        if (code == null || code.isBlank()) {
            throw new InvalidPeriodException(code, "Period code is missing: " + ACCEPTED_FORMATS);
        }
        Matcher m = CODE.matcher(code);
        if (!m.matches()) {
            throw new InvalidPeriodException(code, "Invalid period code '" + echo(code) + "': " + ACCEPTED_FORMATS);
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return new Period(year, Frequency.MONTHLY, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            return new Period(year, Frequency.QUARTERLY, Integer.parseInt(m.group(3)));
        }
        if (m.group(4) != null) {
            return new Period(year, Frequency.SEMI_ANNUAL, Integer.parseInt(m.group(4)));
        }
        if (m.group(5) != null) {
            return new Period(year, Frequency.NINE_MONTHS, 1);
        }
        return new Period(year, Frequency.ANNUAL, 1);
    }

    /** Every period of the given frequency in the year, in order: 12 months, 4 quarters, 2 halves, 1, 1. */
    public static List<Period> ofYear(int year, Frequency frequency) {
        Objects.requireNonNull(frequency, "frequency");
        return IntStream.rangeClosed(1, frequency.periodsPerYear())
                .mapToObj(i -> of(year, frequency, i))
                .toList();
    }

    /** The canonical code, e.g. {@code 2024-Q1}; also the JSON representation. */
    @JsonValue
    public String code() {
        return switch (frequency) {
            case MONTHLY -> year + (index < 10 ? "-0" : "-") + index;
            case QUARTERLY -> year + "-Q" + index;
            case SEMI_ANNUAL -> year + "-S" + index;
            case NINE_MONTHS -> year + "-N9";
            case ANNUAL -> Integer.toString(year);
        };
    }

    /** How often periods like this one recur; determined by the form of the code. */
    public Frequency frequency() {
        return frequency;
    }

    /** The calendar year the period belongs to (its cut-off window may start in the year before). */
    public int year() {
        return year;
    }

    /** 1-based position within the year (see {@link #of(int, Frequency, int)}). */
    public int index() {
        return index;
    }

    /** First calendar day of the period, e.g. 2024-07-01 for {@code 2024-S2}. */
    public LocalDate calendarStart() {
        return firstMonth().atDay(1);
    }

    /** Last calendar day of the period, e.g. 2024-09-30 for {@code 2024-N9} and 2024-02-29 for {@code 2024-02}. */
    public LocalDate calendarEnd() {
        return lastMonth().atEndOfMonth();
    }

    /** First calendar month of the period. */
    public YearMonth firstMonth() {
        return YearMonth.of(year, (index - 1) * frequency.months() + 1);
    }

    /** Last calendar month of the period. */
    public YearMonth lastMonth() {
        return firstMonth().plusMonths(frequency.months() - 1L);
    }

    /**
     * The following period of the same frequency; after the last one of a year comes the first of the next year, so
     * {@code 2024-N9} is followed by {@code 2025-N9}.
     *
     * @throws IllegalArgumentException after the last period of year 9999
     */
    public Period next() {
        return index < frequency.periodsPerYear() ? of(year, frequency, index + 1) : of(year + 1, frequency, 1);
    }

    /**
     * The preceding period of the same frequency, the mirror of {@link #next()}.
     *
     * @throws IllegalArgumentException before the first period of year 1000
     */
    public Period previous() {
        return index > 1 ? of(year, frequency, index - 1) : of(year - 1, frequency, frequency.periodsPerYear());
    }

    /** Whether the date lies within the calendar bounds (inclusive); says nothing about reporting cut-off windows. */
    public boolean contains(LocalDate date) {
        Objects.requireNonNull(date, "date");
        return !date.isBefore(calendarStart()) && !date.isAfter(calendarEnd());
    }

    @Override
    public int compareTo(Period other) {
        int byStart = firstMonth().compareTo(other.firstMonth());
        return byStart != 0 ? byStart : Integer.compare(frequency.months(), other.frequency.months());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Period p && year == p.year && frequency == p.frequency && index == p.index;
    }

    @Override
    public int hashCode() {
        return Objects.hash(year, frequency, index);
    }

    /** The canonical code, so that periods read naturally in logs and messages. */
    @Override
    public String toString() {
        return code();
    }

    private static String echo(String code) {
        return code.length() <= MAX_ECHOED_LENGTH ? code : code.substring(0, MAX_ECHOED_LENGTH) + "...";
    }
}
