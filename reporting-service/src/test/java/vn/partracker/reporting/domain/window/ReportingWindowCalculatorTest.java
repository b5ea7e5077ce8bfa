package vn.partracker.reporting.domain.window;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import vn.partracker.events.period.Frequency;
import vn.partracker.events.period.Period;

class ReportingWindowCalculatorTest {

    private static final LocalDate START_OF_2024_WINDOWS = LocalDate.of(2023, 12, 15);
    private static final LocalDate END_OF_2024_WINDOWS = LocalDate.of(2024, 12, 14);

    @ParameterizedTest(name = "ND09 {0}: {1}..{2}")
    @CsvSource({
        "2024-01, 2023-12-15, 2024-01-14",
        "2024-02, 2024-01-15, 2024-02-14",
        "2024-03, 2024-02-15, 2024-03-14",
        "2024-04, 2024-03-15, 2024-04-14",
        "2024-05, 2024-04-15, 2024-05-14",
        "2024-06, 2024-05-15, 2024-06-14",
        "2024-07, 2024-06-15, 2024-07-14",
        "2024-08, 2024-07-15, 2024-08-14",
        "2024-09, 2024-08-15, 2024-09-14",
        "2024-10, 2024-09-15, 2024-10-14",
        "2024-11, 2024-10-15, 2024-11-14",
        "2024-12, 2024-11-15, 2024-12-14",
        "2025-01, 2024-12-15, 2025-01-14",
        "2023-03, 2023-02-15, 2023-03-14",
        "2024-Q1, 2023-12-15, 2024-03-14",
        "2024-Q2, 2024-03-15, 2024-06-14",
        "2024-Q3, 2024-06-15, 2024-09-14",
        "2024-Q4, 2024-09-15, 2024-12-14",
        "2025-Q1, 2024-12-15, 2025-03-14",
        "2024-S1, 2023-12-15, 2024-06-14",
        "2024-S2, 2024-06-15, 2024-12-14",
        "2025-S1, 2024-12-15, 2025-06-14",
        "2024-N9, 2023-12-15, 2024-09-14",
        "2025-N9, 2024-12-15, 2025-09-14",
        "2024,    2023-12-15, 2024-12-14",
        "2025,    2024-12-15, 2025-12-14",
    })
    void nd09Windows(String code, LocalDate from, LocalDate to) {
        Period period = Period.parse(code);

        assertEquals(new ReportingWindow(period, from, to), ReportingWindowCalculator.window(CutoffRule.ND09, period));
    }

    @ParameterizedTest(name = "CALENDAR {0}: {1}..{2}")
    @CsvSource({
        "2024-01, 2024-01-01, 2024-01-31",
        "2024-02, 2024-02-01, 2024-02-29",
        "2023-02, 2023-02-01, 2023-02-28",
        "2024-03, 2024-03-01, 2024-03-31",
        "2024-04, 2024-04-01, 2024-04-30",
        "2024-12, 2024-12-01, 2024-12-31",
        "2024-Q1, 2024-01-01, 2024-03-31",
        "2024-Q2, 2024-04-01, 2024-06-30",
        "2024-Q3, 2024-07-01, 2024-09-30",
        "2024-Q4, 2024-10-01, 2024-12-31",
        "2024-S1, 2024-01-01, 2024-06-30",
        "2024-S2, 2024-07-01, 2024-12-31",
        "2024-N9, 2024-01-01, 2024-09-30",
        "2024,    2024-01-01, 2024-12-31",
    })
    void calendarWindows(String code, LocalDate from, LocalDate to) {
        Period period = Period.parse(code);

        assertEquals(
                new ReportingWindow(period, from, to), ReportingWindowCalculator.window(CutoffRule.CALENDAR, period));
    }

    static Stream<Period> everyPeriodOf2024() {
        return Arrays.stream(Frequency.values()).flatMap(f -> Period.ofYear(2024, f).stream());
    }

    @ParameterizedTest
    @MethodSource("everyPeriodOf2024")
    void calendarWindowIsTheCalendarBounds(Period period) {
        ReportingWindow window = ReportingWindowCalculator.window(CutoffRule.CALENDAR, period);

        assertEquals(period.calendarStart(), window.from());
        assertEquals(period.calendarEnd(), window.to());
    }

    @ParameterizedTest
    @MethodSource("everyPeriodOf2024")
    void nd09WindowStartsOnThe15thAndEndsOnThe14thOfThePeriodsLastMonth(Period period) {
        ReportingWindow window = ReportingWindowCalculator.window(CutoffRule.ND09, period);

        assertAll(
                () -> assertEquals(period, window.period()),
                () -> assertEquals(15, window.from().getDayOfMonth()),
                () -> assertEquals(14, window.to().getDayOfMonth()),
                () -> assertEquals(period.calendarStart().minusMonths(1).withDayOfMonth(15), window.from()),
                () -> assertEquals(period.calendarEnd().getMonth(), window.to().getMonth()),
                () -> assertEquals(period.year(), window.to().getYear()));
    }

    @ParameterizedTest(name = "{0} {1}: {2} windows")
    @CsvSource({
        "ND09,     MONTHLY,     12",
        "ND09,     QUARTERLY,   4",
        "ND09,     SEMI_ANNUAL, 2",
        "ND09,     NINE_MONTHS, 1",
        "ND09,     ANNUAL,      1",
        "CALENDAR, MONTHLY,     12",
        "CALENDAR, QUARTERLY,   4",
        "CALENDAR, SEMI_ANNUAL, 2",
        "CALENDAR, NINE_MONTHS, 1",
        "CALENDAR, ANNUAL,      1",
    })
    void windowsOfAYearFollowThePeriods(CutoffRule rule, Frequency frequency, int count) {
        List<ReportingWindow> windows = ReportingWindowCalculator.windows(rule, 2024, frequency);

        assertEquals(count, windows.size());
        assertEquals(
                Period.ofYear(2024, frequency),
                windows.stream().map(ReportingWindow::period).toList());
        windows.forEach(w -> assertEquals(ReportingWindowCalculator.window(rule, w.period()), w));
    }

    @ParameterizedTest
    @EnumSource(value = Frequency.class, names = "NINE_MONTHS", mode = EnumSource.Mode.EXCLUDE)
    void nd09WindowsTileFrom15December2023To14December2024(Frequency frequency) {
        List<ReportingWindow> windows = ReportingWindowCalculator.windows(CutoffRule.ND09, 2024, frequency);

        assertEquals(START_OF_2024_WINDOWS, windows.get(0).from());
        assertEquals(END_OF_2024_WINDOWS, windows.get(windows.size() - 1).to());
        for (int i = 1; i < windows.size(); i++) {
            assertEquals(windows.get(i - 1).to().plusDays(1), windows.get(i).from(), "gap or overlap before " + i);
        }
    }

    @Test
    void nd09WindowsOfConsecutiveYearsJoin() {
        for (Frequency frequency : Frequency.values()) {
            ReportingWindow lastOf2024 = ReportingWindowCalculator.windows(CutoffRule.ND09, 2024, frequency)
                    .get(frequency.periodsPerYear() - 1);
            ReportingWindow firstOf2025 = ReportingWindowCalculator.windows(CutoffRule.ND09, 2025, frequency)
                    .get(0);

            assertEquals(LocalDate.of(2024, 12, 15), firstOf2025.from(), frequency.name());
            if (frequency != Frequency.NINE_MONTHS) {
                assertEquals(lastOf2024.to().plusDays(1), firstOf2025.from(), frequency.name());
            }
        }
    }

    @Test
    void designExampleForGetReportingWindows() {
        ReportingWindow window = ReportingWindowCalculator.window(CutoffRule.ND09, Period.parse("2024-03"));

        assertEquals("2024-03", window.period().code());
        assertEquals("2024-02-15", window.from().toString());
        assertEquals("2024-03-14", window.to().toString());
    }

    @ParameterizedTest(name = "{0} {1} {2} -> {3}")
    @CsvSource({
        "ND09, MONTHLY,     2023-12-14, 2023-12",
        "ND09, MONTHLY,     2023-12-15, 2024-01",
        "ND09, MONTHLY,     2023-12-31, 2024-01",
        "ND09, MONTHLY,     2024-01-01, 2024-01",
        "ND09, MONTHLY,     2024-01-14, 2024-01",
        "ND09, MONTHLY,     2024-01-15, 2024-02",
        "ND09, MONTHLY,     2024-02-14, 2024-02",
        "ND09, MONTHLY,     2024-02-15, 2024-03",
        "ND09, MONTHLY,     2024-02-29, 2024-03",
        "ND09, MONTHLY,     2024-03-14, 2024-03",
        "ND09, MONTHLY,     2024-03-15, 2024-04",
        "ND09, MONTHLY,     2024-12-14, 2024-12",
        "ND09, MONTHLY,     2024-12-15, 2025-01",
        "ND09, MONTHLY,     2024-12-20, 2025-01",
        "ND09, MONTHLY,     2024-12-31, 2025-01",
        "ND09, MONTHLY,     2025-01-14, 2025-01",
        "ND09, MONTHLY,     2025-01-15, 2025-02",
        "ND09, QUARTERLY,   2023-12-14, 2023-Q4",
        "ND09, QUARTERLY,   2023-12-15, 2024-Q1",
        "ND09, QUARTERLY,   2024-03-14, 2024-Q1",
        "ND09, QUARTERLY,   2024-03-15, 2024-Q2",
        "ND09, QUARTERLY,   2024-06-14, 2024-Q2",
        "ND09, QUARTERLY,   2024-06-15, 2024-Q3",
        "ND09, QUARTERLY,   2024-09-14, 2024-Q3",
        "ND09, QUARTERLY,   2024-09-15, 2024-Q4",
        "ND09, QUARTERLY,   2024-12-14, 2024-Q4",
        "ND09, QUARTERLY,   2024-12-15, 2025-Q1",
        "ND09, QUARTERLY,   2024-12-20, 2025-Q1",
        "ND09, SEMI_ANNUAL, 2023-12-14, 2023-S2",
        "ND09, SEMI_ANNUAL, 2023-12-15, 2024-S1",
        "ND09, SEMI_ANNUAL, 2024-06-14, 2024-S1",
        "ND09, SEMI_ANNUAL, 2024-06-15, 2024-S2",
        "ND09, SEMI_ANNUAL, 2024-12-14, 2024-S2",
        "ND09, SEMI_ANNUAL, 2024-12-15, 2025-S1",
        "ND09, NINE_MONTHS, 2023-12-15, 2024-N9",
        "ND09, NINE_MONTHS, 2024-01-01, 2024-N9",
        "ND09, NINE_MONTHS, 2024-09-14, 2024-N9",
        "ND09, NINE_MONTHS, 2024-12-15, 2025-N9",
        "ND09, NINE_MONTHS, 2024-12-20, 2025-N9",
        "ND09, ANNUAL,      2023-12-14, 2023",
        "ND09, ANNUAL,      2023-12-15, 2024",
        "ND09, ANNUAL,      2024-01-01, 2024",
        "ND09, ANNUAL,      2024-12-14, 2024",
        "ND09, ANNUAL,      2024-12-15, 2025",
        "ND09, ANNUAL,      2024-12-31, 2025",
        "CALENDAR, MONTHLY,     2023-12-31, 2023-12",
        "CALENDAR, MONTHLY,     2024-01-01, 2024-01",
        "CALENDAR, MONTHLY,     2024-02-29, 2024-02",
        "CALENDAR, MONTHLY,     2024-03-14, 2024-03",
        "CALENDAR, MONTHLY,     2024-03-15, 2024-03",
        "CALENDAR, MONTHLY,     2024-03-31, 2024-03",
        "CALENDAR, MONTHLY,     2024-04-01, 2024-04",
        "CALENDAR, MONTHLY,     2024-12-20, 2024-12",
        "CALENDAR, QUARTERLY,   2024-03-31, 2024-Q1",
        "CALENDAR, QUARTERLY,   2024-04-01, 2024-Q2",
        "CALENDAR, QUARTERLY,   2024-12-31, 2024-Q4",
        "CALENDAR, SEMI_ANNUAL, 2024-06-30, 2024-S1",
        "CALENDAR, SEMI_ANNUAL, 2024-07-01, 2024-S2",
        "CALENDAR, NINE_MONTHS, 2024-01-01, 2024-N9",
        "CALENDAR, NINE_MONTHS, 2024-09-30, 2024-N9",
        "CALENDAR, ANNUAL,      2024-01-01, 2024",
        "CALENDAR, ANNUAL,      2024-12-31, 2024",
        "ND09, MONTHLY,     1000-01-01, 1000-01",
        "ND09, MONTHLY,     9999-12-14, 9999-12",
    })
    void periodContaining(CutoffRule rule, Frequency frequency, LocalDate date, String expected) {
        assertEquals(
                Optional.of(Period.parse(expected)), ReportingWindowCalculator.periodContaining(rule, frequency, date));
    }

    @ParameterizedTest(name = "{0} {1} {2} -> none")
    @CsvSource({
        "ND09,     NINE_MONTHS, 2024-09-15",
        "ND09,     NINE_MONTHS, 2024-11-01",
        "ND09,     NINE_MONTHS, 2024-12-14",
        "CALENDAR, NINE_MONTHS, 2024-10-01",
        "CALENDAR, NINE_MONTHS, 2024-12-31",
        "ND09,     MONTHLY,     9999-12-15",
        "ND09,     ANNUAL,      9999-12-31",
    })
    void noPeriodContains(CutoffRule rule, Frequency frequency, LocalDate date) {
        assertEquals(Optional.empty(), ReportingWindowCalculator.periodContaining(rule, frequency, date));
    }

    static Stream<Arguments> everyRuleAndFrequency() {
        return Arrays.stream(CutoffRule.values())
                .flatMap(rule -> Arrays.stream(Frequency.values()).map(f -> Arguments.of(rule, f)));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("everyRuleAndFrequency")
    void everyDayOf2024BelongsToTheWindowFound(CutoffRule rule, Frequency frequency) {
        for (LocalDate day = LocalDate.of(2024, 1, 1); day.getYear() == 2024; day = day.plusDays(1)) {
            Optional<Period> found = ReportingWindowCalculator.periodContaining(rule, frequency, day);
            if (frequency != Frequency.NINE_MONTHS) {
                assertTrue(found.isPresent(), day.toString());
            }
            if (found.isPresent()) {
                assertTrue(ReportingWindowCalculator.window(rule, found.get()).contains(day), day.toString());
            }
        }
    }

    @Test
    void reportingWindowRejectsAnEndBeforeTheStart() {
        Period period = Period.parse("2024-03");

        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> new ReportingWindow(period, LocalDate.of(2024, 3, 14), LocalDate.of(2024, 2, 15)));
        assertTrue(e.getMessage().contains("2024-03"), e.getMessage());
        assertThrows(NullPointerException.class, () -> new ReportingWindow(null, LocalDate.MIN, LocalDate.MAX));
        assertThrows(NullPointerException.class, () -> new ReportingWindow(period, null, LocalDate.MAX));
        assertThrows(NullPointerException.class, () -> new ReportingWindow(period, LocalDate.MIN, null));
    }

    @ParameterizedTest(name = "2024-03 ND09 window contains {0}: {1}")
    @CsvSource({
        "2024-02-14, false",
        "2024-02-15, true",
        "2024-03-01, true",
        "2024-03-14, true",
        "2024-03-15, false",
    })
    void reportingWindowContainsBothEnds(LocalDate date, boolean expected) {
        ReportingWindow window = ReportingWindowCalculator.window(CutoffRule.ND09, Period.parse("2024-03"));

        assertEquals(expected, window.contains(date));
    }

    @Test
    void nullArgumentsAreRejected() {
        Period period = Period.parse("2024");
        LocalDate day = LocalDate.of(2024, 1, 1);

        assertThrows(NullPointerException.class, () -> ReportingWindowCalculator.window(null, period));
        assertThrows(NullPointerException.class, () -> ReportingWindowCalculator.window(CutoffRule.ND09, null));
        assertThrows(NullPointerException.class, () -> ReportingWindowCalculator.windows(null, 2024, Frequency.ANNUAL));
        assertThrows(NullPointerException.class, () -> ReportingWindowCalculator.windows(CutoffRule.ND09, 2024, null));
        assertThrows(
                NullPointerException.class,
                () -> ReportingWindowCalculator.periodContaining(null, Frequency.ANNUAL, day));
        assertThrows(
                NullPointerException.class,
                () -> ReportingWindowCalculator.periodContaining(CutoffRule.ND09, null, day));
        assertThrows(
                NullPointerException.class,
                () -> ReportingWindowCalculator.periodContaining(CutoffRule.ND09, Frequency.ANNUAL, null));
    }

    @ParameterizedTest(name = "{0} {1} + {2} days -> {3}")
    @CsvSource({
        "ND09,     2024-03, 0,  2024-03-14",
        "ND09,     2024-03, 5,  2024-03-19",
        "ND09,     2024-02, 15, 2024-02-29",
        "ND09,     2024-12, 20, 2025-01-03",
        "ND09,     2024-Q4, 6,  2024-12-20",
        "ND09,     2024-S1, 1,  2024-06-15",
        "ND09,     2024-N9, 10, 2024-09-24",
        "ND09,     2024,    30, 2025-01-13",
        "CALENDAR, 2024-Q1, 10, 2024-04-10",
        "CALENDAR, 2024,    15, 2025-01-15",
    })
    void submissionDeadlineIsTheWindowEndPlusTheOffset(
            CutoffRule rule, String code, int offsetDays, LocalDate deadline) {
        ReportingWindow window = ReportingWindowCalculator.window(rule, Period.parse(code));

        assertEquals(deadline, Deadline.submissionDeadline(window, offsetDays));
    }

    @Test
    void submissionDeadlineRejectsANegativeOffset() {
        ReportingWindow window = ReportingWindowCalculator.window(CutoffRule.ND09, Period.parse("2024-03"));

        assertThrows(IllegalArgumentException.class, () -> Deadline.submissionDeadline(window, -1));
        assertThrows(NullPointerException.class, () -> Deadline.submissionDeadline(null, 5));
    }

    @ParameterizedTest(name = "submitted {0}, deadline 2024-03-19: on time {1}")
    @CsvSource({
        "2024-03-01, true",
        "2024-03-18, true",
        "2024-03-19, true",
        "2024-03-20, false",
        "2024-04-19, false",
    })
    void onTimeIsOnOrBeforeTheDeadlineDate(LocalDate submittedOn, boolean expected) {
        assertEquals(expected, Deadline.onTime(submittedOn, LocalDate.of(2024, 3, 19)));
    }

    @ParameterizedTest(name = "submitted {0}, deadline 2024-03-19, Vietnam time: on time {1}")
    @CsvSource({
        "2024-03-18T17:00:00Z,          true",
        "2024-03-19T09:00:00Z,          true",
        "2024-03-19T16:59:59.999999999Z, true",
        "2024-03-19T17:00:00Z,          false",
        "2024-03-19T23:30:00Z,          false",
        "2024-03-20T01:00:00Z,          false",
    })
    void onTimeReadsTheInstantInVietnameseTime(Instant submittedAt, boolean expected) {
        assertEquals(expected, Deadline.onTime(submittedAt, LocalDate.of(2024, 3, 19), Deadline.REPORTING_ZONE));
    }

    @Test
    void theZoneDecidesAtTheBoundary() {
        Instant justAfterMidnightInHanoi = Instant.parse("2024-03-19T17:30:00Z");
        LocalDate deadline = LocalDate.of(2024, 3, 19);

        assertFalse(Deadline.onTime(justAfterMidnightInHanoi, deadline, Deadline.REPORTING_ZONE));
        assertTrue(Deadline.onTime(justAfterMidnightInHanoi, deadline, ZoneOffset.UTC));
    }

    @Test
    void reportingZoneIsVietnam() {
        assertEquals(ZoneId.of("Asia/Ho_Chi_Minh"), Deadline.REPORTING_ZONE);
        assertEquals(
                ZoneOffset.ofHours(7),
                Deadline.REPORTING_ZONE.getRules().getOffset(Instant.parse("2024-07-01T00:00:00Z")));
        assertEquals(
                ZoneOffset.ofHours(7),
                Deadline.REPORTING_ZONE.getRules().getOffset(Instant.parse("2024-01-01T00:00:00Z")));
    }

    @Test
    void onTimeRejectsNulls() {
        LocalDate deadline = LocalDate.of(2024, 3, 19);

        assertThrows(NullPointerException.class, () -> Deadline.onTime((LocalDate) null, deadline));
        assertThrows(NullPointerException.class, () -> Deadline.onTime(deadline, null));
        assertThrows(NullPointerException.class, () -> Deadline.onTime((Instant) null, deadline, ZoneOffset.UTC));
        assertThrows(NullPointerException.class, () -> Deadline.onTime(Instant.EPOCH, null, ZoneOffset.UTC));
        assertThrows(NullPointerException.class, () -> Deadline.onTime(Instant.EPOCH, deadline, null));
    }
}
