package vn.partracker.events.period;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static Stream<Period> everyPeriodOf2024() {
        return Arrays.stream(Frequency.values()).flatMap(f -> Period.ofYear(2024, f).stream());
    }

    @ParameterizedTest(name = "{0} is {1} #{3} of {2}, {4}..{5}")
    @CsvSource({
        "2024,    ANNUAL,      2024, 1,  2024-01-01, 2024-12-31",
        "2024-S1, SEMI_ANNUAL, 2024, 1,  2024-01-01, 2024-06-30",
        "2024-S2, SEMI_ANNUAL, 2024, 2,  2024-07-01, 2024-12-31",
        "2024-N9, NINE_MONTHS, 2024, 1,  2024-01-01, 2024-09-30",
        "2024-Q1, QUARTERLY,   2024, 1,  2024-01-01, 2024-03-31",
        "2024-Q2, QUARTERLY,   2024, 2,  2024-04-01, 2024-06-30",
        "2024-Q3, QUARTERLY,   2024, 3,  2024-07-01, 2024-09-30",
        "2024-Q4, QUARTERLY,   2024, 4,  2024-10-01, 2024-12-31",
        "2024-01, MONTHLY,     2024, 1,  2024-01-01, 2024-01-31",
        "2024-02, MONTHLY,     2024, 2,  2024-02-01, 2024-02-29",
        "2024-03, MONTHLY,     2024, 3,  2024-03-01, 2024-03-31",
        "2024-04, MONTHLY,     2024, 4,  2024-04-01, 2024-04-30",
        "2024-05, MONTHLY,     2024, 5,  2024-05-01, 2024-05-31",
        "2024-06, MONTHLY,     2024, 6,  2024-06-01, 2024-06-30",
        "2024-07, MONTHLY,     2024, 7,  2024-07-01, 2024-07-31",
        "2024-08, MONTHLY,     2024, 8,  2024-08-01, 2024-08-31",
        "2024-09, MONTHLY,     2024, 9,  2024-09-01, 2024-09-30",
        "2024-10, MONTHLY,     2024, 10, 2024-10-01, 2024-10-31",
        "2024-11, MONTHLY,     2024, 11, 2024-11-01, 2024-11-30",
        "2024-12, MONTHLY,     2024, 12, 2024-12-01, 2024-12-31",
        "2023-02, MONTHLY,     2023, 2,  2023-02-01, 2023-02-28",
        "2000-02, MONTHLY,     2000, 2,  2000-02-01, 2000-02-29",
        "2100-02, MONTHLY,     2100, 2,  2100-02-01, 2100-02-28",
        "2022-Q4, QUARTERLY,   2022, 4,  2022-10-01, 2022-12-31",
        "1000,    ANNUAL,      1000, 1,  1000-01-01, 1000-12-31",
        "9999-12, MONTHLY,     9999, 12, 9999-12-01, 9999-12-31",
    })
    void parsesEveryForm(String code, Frequency frequency, int year, int index, LocalDate start, LocalDate end) {
        Period period = Period.parse(code);

        assertAll(
                () -> assertEquals(frequency, period.frequency()),
                () -> assertEquals(year, period.year()),
                () -> assertEquals(index, period.index()),
                () -> assertEquals(start, period.calendarStart()),
                () -> assertEquals(end, period.calendarEnd()),
                () -> assertEquals(code, period.code()),
                () -> assertEquals(code, period.toString()),
                () -> assertEquals(Period.of(year, frequency, index), period));
    }

    @ParameterizedTest
    @MethodSource("everyPeriodOf2024")
    void codeRoundTrips(Period period) {
        assertEquals(period, Period.parse(period.code()));
        assertEquals(period.code(), Period.parse(period.code()).code());
    }

    static Stream<String> badCodes() {
        return Stream.of(
                        List.of("2024-Q5", "2024-Q0", "2024-Q", "2024-Q01", "2024Q1", "Q1-2024", "2024-Q1-Q2"),
                        List.of("2024-13", "2024-00", "2024-1", "2024-3", "2024-003", "2024-M03", "2024/03", "03/2024"),
                        List.of("2024-S3", "2024-S0", "2024-S", "2024-H1", "2024-N8", "2024-N6", "2024-N", "2024-N09"),
                        List.of("24-Q1", "024-Q1", "02024", "20241", "0999", "0024", "0000", "+2024", "-2024"),
                        List.of("2024-q1", "2024-s1", "2024-n9", "2024 ", " 2024", "2024-Q1 ", "\n2024", "   ", "\t"),
                        List.of("2024-", "2024-03-01", "2024-W01", "Quý I năm 2024", "abcd"),
                        List.of("２０２４", "٢٠٢٤", "2024-Ｑ1"))
                .flatMap(List::stream);
    }

    @ParameterizedTest(name = "rejects \"{0}\"")
    @MethodSource("badCodes")
    @NullAndEmptySource
    void rejectsBadCodes(String code) {
        InvalidPeriodException e = assertThrows(InvalidPeriodException.class, () -> Period.parse(code));

        assertInstanceOf(IllegalArgumentException.class, e);
        assertEquals(code, e.invalidCode());
        assertTrue(
                e.getMessage().contains("YYYY (year), YYYY-S1 or YYYY-S2 (half year), YYYY-N9 (nine months"),
                e.getMessage());
        assertTrue(e.getMessage().contains("YYYY-Q1 to YYYY-Q4 (quarter)"), e.getMessage());
        assertTrue(e.getMessage().contains("YYYY-MM with MM from 01 to 12 (month)"), e.getMessage());
    }

    @Test
    void messageQuotesTheBadCode() {
        InvalidPeriodException e = assertThrows(InvalidPeriodException.class, () -> Period.parse("2024-Q5"));

        assertTrue(e.getMessage().startsWith("Invalid period code '2024-Q5': expected "), e.getMessage());
    }

    @Test
    void messageSaysWhenTheCodeIsMissing() {
        InvalidPeriodException e = assertThrows(InvalidPeriodException.class, () -> Period.parse(null));

        assertNull(e.invalidCode());
        assertTrue(e.getMessage().startsWith("Period code is missing: expected "), e.getMessage());
    }

    @Test
    void messageShortensVeryLongInput() {
        String code = "2024-".repeat(1000);

        InvalidPeriodException e = assertThrows(InvalidPeriodException.class, () -> Period.parse(code));

        assertEquals(code, e.invalidCode());
        assertTrue(e.getMessage().startsWith("Invalid period code '" + code.substring(0, 40) + "...': "));
        assertTrue(e.getMessage().length() < 400, e.getMessage());
    }

    @ParameterizedTest(name = "of({0}, {1}, {2}) is rejected")
    @CsvSource({
        "999,   ANNUAL,      1",
        "10000, ANNUAL,      1",
        "2024,  MONTHLY,     0",
        "2024,  MONTHLY,     13",
        "2024,  QUARTERLY,   0",
        "2024,  QUARTERLY,   5",
        "2024,  SEMI_ANNUAL, 3",
        "2024,  NINE_MONTHS, 2",
        "2024,  ANNUAL,      2",
        "2024,  ANNUAL,      0",
    })
    void ofRejectsOutOfRangeArguments(int year, Frequency frequency, int index) {
        assertThrows(IllegalArgumentException.class, () -> Period.of(year, frequency, index));
    }

    @ParameterizedTest(name = "{0}: {1} periods")
    @CsvSource({"MONTHLY, 12", "QUARTERLY, 4", "SEMI_ANNUAL, 2", "NINE_MONTHS, 1", "ANNUAL, 1"})
    void ofYearCounts(Frequency frequency, int count) {
        List<Period> periods = Period.ofYear(2024, frequency);

        assertEquals(count, periods.size());
        assertEquals(count, frequency.periodsPerYear());
        assertTrue(periods.stream().allMatch(p -> p.year() == 2024 && p.frequency() == frequency));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "MONTHLY     | 2024-01 2024-02 2024-03 2024-04 2024-05 2024-06 2024-07 2024-08 2024-09 2024-10 2024-11"
                        + " 2024-12",
                "QUARTERLY   | 2024-Q1 2024-Q2 2024-Q3 2024-Q4",
                "SEMI_ANNUAL | 2024-S1 2024-S2",
                "NINE_MONTHS | 2024-N9",
                "ANNUAL      | 2024"
            })
    void ofYearListsThePeriodsInOrder(Frequency frequency, String codes) {
        List<String> actual =
                Period.ofYear(2024, frequency).stream().map(Period::code).toList();

        assertEquals(List.of(codes.split(" ")), actual);
    }

    @ParameterizedTest
    @EnumSource(value = Frequency.class, names = "NINE_MONTHS", mode = EnumSource.Mode.EXCLUDE)
    void periodsOfAYearTileTheCalendarYear(Frequency frequency) {
        List<Period> periods = Period.ofYear(2024, frequency);

        assertEquals(LocalDate.of(2024, 1, 1), periods.get(0).calendarStart());
        assertEquals(LocalDate.of(2024, 12, 31), periods.get(periods.size() - 1).calendarEnd());
        for (int i = 1; i < periods.size(); i++) {
            assertEquals(
                    periods.get(i - 1).calendarEnd().plusDays(1), periods.get(i).calendarStart());
        }
    }

    @Test
    void ofYearIsUnmodifiable() {
        List<Period> periods = Period.ofYear(2024, Frequency.QUARTERLY);

        assertThrows(UnsupportedOperationException.class, () -> periods.add(Period.parse("2025-Q1")));
    }

    @ParameterizedTest
    @ValueSource(ints = {999, 10000})
    void ofYearRejectsUnsupportedYears(int year) {
        assertThrows(IllegalArgumentException.class, () -> Period.ofYear(year, Frequency.ANNUAL));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "2024-03, 2024-04",
        "2024-11, 2024-12",
        "2024-12, 2025-01",
        "2024-01, 2024-02",
        "2024-Q1, 2024-Q2",
        "2024-Q3, 2024-Q4",
        "2024-Q4, 2025-Q1",
        "2024-S1, 2024-S2",
        "2024-S2, 2025-S1",
        "2024-N9, 2025-N9",
        "2024,    2025",
        "1999-12, 2000-01",
    })
    void nextAndPrevious(String code, String nextCode) {
        Period period = Period.parse(code);
        Period next = Period.parse(nextCode);

        assertEquals(next, period.next());
        assertEquals(period, next.previous());
    }

    @ParameterizedTest
    @MethodSource("everyPeriodOf2024")
    void nextAndPreviousAreInverse(Period period) {
        assertAll(
                () -> assertEquals(period, period.next().previous()),
                () -> assertEquals(period, period.previous().next()),
                () -> assertEquals(period.frequency(), period.next().frequency()),
                () -> assertTrue(period.next().compareTo(period) > 0),
                () -> assertTrue(period.previous().compareTo(period) < 0));
    }

    @Test
    void nextAndPreviousStopAtTheSupportedYears() {
        assertThrows(
                IllegalArgumentException.class, () -> Period.parse("9999-12").next());
        assertThrows(IllegalArgumentException.class, () -> Period.parse("9999").next());
        assertThrows(
                IllegalArgumentException.class, () -> Period.parse("1000-Q1").previous());
        assertThrows(
                IllegalArgumentException.class, () -> Period.parse("1000-N9").previous());
    }

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource({
        "2024-02, 2024-01-31, false",
        "2024-02, 2024-02-01, true",
        "2024-02, 2024-02-29, true",
        "2024-02, 2024-03-01, false",
        "2024-Q1, 2023-12-31, false",
        "2024-Q1, 2024-01-01, true",
        "2024-Q1, 2024-03-31, true",
        "2024-Q1, 2024-04-01, false",
        "2024-S2, 2024-06-30, false",
        "2024-S2, 2024-07-01, true",
        "2024-S2, 2024-12-31, true",
        "2024-S2, 2025-01-01, false",
        "2024-N9, 2024-09-30, true",
        "2024-N9, 2024-10-01, false",
        "2024-N9, 2024-12-31, false",
        "2024,    2023-12-31, false",
        "2024,    2024-01-01, true",
        "2024,    2024-12-31, true",
        "2024,    2025-01-01, false",
    })
    void containsUsesCalendarBounds(String code, LocalDate date, boolean expected) {
        assertEquals(expected, Period.parse(code).contains(date));
    }

    @Test
    void naturalOrderIsByStartThenShorterFirst() {
        List<Period> shuffled = new ArrayList<>(Stream.of(
                        "2025-01", "2024", "2024-02", "2024-N9", "2024-S1", "2024-Q1", "2024-01", "2023-12", "2024-Q2",
                        "2024-S2", "2023")
                .map(Period::parse)
                .toList());
        Collections.shuffle(shuffled, new Random(42));
        Collections.sort(shuffled);

        assertEquals(
                List.of(
                        "2023", "2023-12", "2024-01", "2024-Q1", "2024-S1", "2024-N9", "2024", "2024-02", "2024-Q2",
                        "2024-S2", "2025-01"),
                shuffled.stream().map(Period::code).toList());
    }

    @Test
    void naturalOrderIsConsistentWithEquals() {
        List<Period> all = everyPeriodOf2024().toList();
        for (Period a : all) {
            for (Period b : all) {
                assertEquals(a.equals(b), a.compareTo(b) == 0, a + " vs " + b);
                assertEquals(Integer.signum(a.compareTo(b)), -Integer.signum(b.compareTo(a)), a + " vs " + b);
            }
        }
    }

    @Test
    void valueSemantics() {
        Period a = Period.parse("2024-Q1");
        Period b = Period.of(2024, Frequency.QUARTERLY, 1);

        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, Period.parse("2024-01"));
        assertNotEquals(a, Period.parse("2023-Q1"));
        assertNotEquals(a, Period.parse("2024-S1"));
        assertNotEquals(Period.parse("2024-N9"), Period.parse("2024"));
        assertNotEquals(a, "2024-Q1");
        assertFalse(a.equals(null));
        assertEquals(20, everyPeriodOf2024().distinct().count());
    }

    @ParameterizedTest(name = "{0}: {1} months, {2} per year")
    @CsvSource({"MONTHLY, 1, 12", "QUARTERLY, 3, 4", "SEMI_ANNUAL, 6, 2", "NINE_MONTHS, 9, 1", "ANNUAL, 12, 1"})
    void frequencyShape(Frequency frequency, int months, int perYear) {
        assertEquals(months, frequency.months());
        assertEquals(perYear, frequency.periodsPerYear());
    }

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> Period.ofYear(2024, null));
        assertThrows(NullPointerException.class, () -> Period.of(2024, null, 1));
        assertThrows(NullPointerException.class, () -> Period.parse("2024").contains(null));
    }

    @ParameterizedTest
    @MethodSource("everyPeriodOf2024")
    void serializesToItsCodeInJson(Period period) throws Exception {
        String json = JSON.writeValueAsString(period);

        assertEquals('"' + period.code() + '"', json);
        assertEquals(period, JSON.readValue(json, Period.class));
    }

    record Measurement(String indicator, Period period) {}

    @Test
    void worksAsAJsonPropertyAndMapKey() throws Exception {
        Measurement m = new Measurement("IV.1", Period.parse("2024-Q1"));
        String json = JSON.writeValueAsString(m);

        assertEquals("{\"indicator\":\"IV.1\",\"period\":\"2024-Q1\"}", json);
        assertEquals(m, JSON.readValue(json, Measurement.class));

        Map<Period, Integer> byPeriod = new TreeMap<>(Map.of(Period.parse("2024-N9"), 9, Period.parse("2024-S1"), 6));
        String mapJson = JSON.writeValueAsString(byPeriod);

        assertEquals("{\"2024-S1\":6,\"2024-N9\":9}", mapJson);
        assertEquals(byPeriod, JSON.readValue(mapJson, new TypeReference<Map<Period, Integer>>() {}));
    }

    @Test
    void badCodeInJsonFailsWithTheReason() {
        JsonMappingException e = assertThrows(
                JsonMappingException.class,
                () -> JSON.readValue("{\"indicator\":\"x\",\"period\":\"2024-Q5\"}", Measurement.class));

        assertInstanceOf(InvalidPeriodException.class, e.getCause());
        assertEquals("2024-Q5", ((InvalidPeriodException) e.getCause()).invalidCode());
    }
}
