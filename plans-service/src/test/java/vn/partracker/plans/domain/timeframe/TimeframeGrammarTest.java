package vn.partracker.plans.domain.timeframe;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import vn.partracker.events.period.Frequency;

/**
 * Tests the tokenizer and the grammar behind {@link Timeframe#parse} on the wordings the regex parser did not
 * understand: bare months and month ranges, hedges, recurrences with a due day, weekly work, start-only timeframes,
 * several clauses, OCR and extraction noise, and what is reported as recognised and left over. The seed wordings
 * themselves are covered by {@link TimeframeTest}.
 */
class TimeframeGrammarTest {

    /** Columns: text | plan year | kind | start | end | due | cadences (+AD_HOC) | tentative. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "", textBlock = """
        7/2024 | 2025 | MONTH | 2024-07-01 | 2024-07-31 | 2024-07-31 | | false
        09/2025 | 2024 | MONTH | 2025-09-01 | 2025-09-30 | 2025-09-30 | | false
        3–4/2025 | 2024 | RANGE | 2025-03-01 | 2025-04-30 | 2025-04-30 | | false
        Tháng 3 – 4/2025 | 2024 | RANGE | 2025-03-01 | 2025-04-30 | 2025-04-30 | | false
        10/2025 - 3/2026 | 2025 | RANGE | 2025-10-01 | 2026-03-31 | 2026-03-31 | | false
        Tháng 9-2025 | 2024 | MONTH | 2025-09-01 | 2025-09-30 | 2025-09-30 | | false
        Dự kiến tháng 9/2025 | 2025 | MONTH | 2025-09-01 | 2025-09-30 | 2025-09-30 | | true
        Khoảng quý III/2025 | 2025 | QUARTER | 2025-07-01 | 2025-09-30 | 2025-09-30 | | true
        Dự kiến hoàn thành trong quý IV năm 2025 | 2025 | QUARTER | 2025-10-01 | 2025-12-31 | 2025-12-31 | | true
        Quý IV/2025 (dự kiến) | 2025 | QUARTER | 2025-10-01 | 2025-12-31 | 2025-12-31 | | true
        Trước ngày 10 hằng tháng | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | | MONTHLY | false
        Báo cáo trước ngày 15/12 hằng năm | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | | ANNUAL | false
        Trước ngày 05 của tháng cuối quý | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | | QUARTERLY | false
        Hằng quý, trước ngày 05 tháng cuối quý | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | | QUARTERLY | false
        Hằng tháng, chậm nhất ngày 20 | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | | MONTHLY | false
        Hằng tuần | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | | WEEKLY | false
        Định kỳ hằng tuần và đột xuất | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | | WEEKLY+AD_HOC | false
        Hằng tháng, quý, 9 tháng | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | | MONTHLY+QUARTERLY+NINE_MONTHS | false
        Hàng tuần, hàng tháng | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | | WEEKLY+MONTHLY | false
        Mỗi tháng một lần | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | | MONTHLY | false
        Hằng quý từ năm 2025 đến năm 2027 | 2024 | RECURRING | 2025-01-01 | 2027-12-31 | | QUARTERLY | false
        Kể từ ngày 01/8/2025 | 2025 | RANGE | 2025-08-01 | |  | | false
        Bắt đầu từ tháng 9/2025 | 2025 | RANGE | 2025-09-01 | |  | | false
        Từ quý III/2025 | 2025 | RANGE | 2025-07-01 | |  | | false
        Từ năm 2026 | 2025 | RANGE | 2026-01-01 | |  | | false
        Sau tháng 6/2025 | 2025 | RANGE | 2025-07-01 | |  | | false
        Lần đầu trước 30/6; sau đó hằng năm | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | 2025-06-29 | ANNUAL | false
        Trước 15/12/2025, sau đó hằng quý | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | 2025-12-14 | QUARTERLY | false
        Tháng 5/2025. Báo cáo trước ngày 20/6/2025 | 2025 | MONTH | 2025-05-01 | 2025-05-31 | 2025-05-31 | | false
        Quý Ill năm 2025 | 2025 | QUARTER | 2025-07-01 | 2025-09-30 | 2025-09-30 | | false
        Quý lV/2025 | 2025 | QUARTER | 2025-10-01 | 2025-12-31 | 2025-12-31 | | false
        Quý l - Il năm 2025 | 2025 | RANGE | 2025-01-01 | 2025-06-30 | 2025-06-30 | | false
        Trước ngày 15 / 10 / 2025 | 2025 | BY_DATE | | 2025-10-14 | 2025-10-14 | | false
        Tháng 9/20 25 | 2024 | MONTH | 2025-09-01 | 2025-09-30 | 2025-09-30 | | false
        Ngày 15/10/20 25 | 2024 | ON_DATE | 2025-10-15 | 2025-10-15 | 2025-10-15 | | false
        Năm 20 25 | 2024 | YEAR | 2025-01-01 | 2025-12-31 | 2025-12-31 | | false
        15.10.2025 | 2024 | BY_DATE | | 2025-10-15 | 2025-10-15 | | false
        Từ 15-10-2025 đến 30-11-2025 | 2024 | RANGE | 2025-10-15 | 2025-11-30 | 2025-11-30 | | false
        Nửa đầu năm 2025 | 2024 | RANGE | 2025-01-01 | 2025-06-30 | 2025-06-30 | | false
        Công việc thường xuyên | 2025 | ONGOING | 2025-01-01 | 2025-12-31 | |  | false
        Cuối năm 2025 | 2024 | YEAR | 2025-01-01 | 2025-12-31 | 2025-12-31 | | false
        Gửi Sở Nội vụ trước ngày 10 hằng tháng | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | | MONTHLY | false
        Tổ chức họp giao ban định kỳ hằng quý | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | | QUARTERLY | false
        Quý IV năm 2025 và các năm tiếp theo | 2025 | QUARTER | 2025-10-01 | | 2025-12-31 | | false
        Giai đoạn 2026-2030 và những năm tiếp theo | 2025 | RANGE | 2026-01-01 | | 2030-12-31 | | false
        Trong quý I năm 2026, rà soát các năm sau | 2025 | QUARTER | 2026-01-01 | 2026-03-31 | 2026-03-31 | | false
        Từ tháng 3 đến tháng 11 hằng năm | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | | ANNUAL | false
        Tháng 12 hằng năm | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | | ANNUAL | false
        02 lần/tháng | 2026 | RECURRING | 2026-01-01 | 2026-12-31 | | MONTHLY | false
        Hằng năm (trước 15/12), 06 tháng/lần | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | | SEMI_ANNUAL+ANNUAL | false
        Thường xuyên, hằng năm | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | | ANNUAL | false
        trước ngày 20/11/2025 và hàng tháng | 2025 | RECURRING | 2025-01-01 | 2025-12-31 | 2025-11-19 | MONTHLY | false
        Theo kế hoạch công tác hàng năm | 2025 | UNSTRUCTURED | | | | | false
        31/10/2025 | 2025 | BY_DATE | | 2025-10-31 | 2025-10-31 | | false
        8h00 ngày 16/7/2025 | 2025 | ON_DATE | 2025-07-16 | 2025-07-16 | 2025-07-16 | | false
        Từ ngày 21/4 đến 17 giờ ngày 28/4/2025 | 2025 | RANGE | 2025-04-21 | 2025-04-28 | 2025-04-28 | | false
        Ban hành trong quý I năm 2026. Rà soát | 2025 | QUARTER | 2026-01-01 | 2026-03-31 | 2026-03-31 | | false
        Từ tháng 11/2025 đến khi kết thúc kiểm kê | 2025 | RANGE | 2025-11-01 | | | | false
        """)
    void parsesTheIssueIllustrations(
            String text,
            int planYear,
            TimeframeKind kind,
            LocalDate start,
            LocalDate end,
            LocalDate due,
            String cadences,
            boolean tentative) {
        Timeframe t = Timeframe.parse(text, planYear);

        assertAll(
                () -> assertEquals(kind, t.kind(), "kind"),
                () -> assertEquals(start, t.start(), "start"),
                () -> assertEquals(end, t.end(), "end"),
                () -> assertEquals(due, t.dueDate(), "due"),
                () -> assertEquals(cadences, cadences(t.recurrence()), "recurrence"),
                () -> assertEquals(tentative, t.tentative(), "tentative"));
    }

    @Test
    void aMonthlyDueDayIsDueTheDayBeforeInEveryMonth() {
        List<LocalDate> expected = new ArrayList<>();
        for (int month = 1; month <= 12; month++) {
            expected.add(LocalDate.of(2025, month, 9));
        }

        assertEquals(expected, dueDatesIn2025("Trước ngày 10 hằng tháng"));
    }

    @Test
    void aDueDayInTheLastMonthOfTheQuarterIsDueFourTimesAYear() {
        assertEquals(
                dates("2025-03-04", "2025-06-04", "2025-09-04", "2025-12-04"),
                dueDatesIn2025("Trước ngày 05 của tháng cuối quý"));
    }

    @Test
    void anAnnualDueDayNamesDayAndMonth() {
        assertAll(
                () -> assertEquals(dates("2025-12-14"), dueDatesIn2025("Trước ngày 15/12 hằng năm")),
                () -> assertEquals(dates("2025-12-15"), dueDatesIn2025("Chậm nhất ngày 15 tháng 12 hằng năm")));
    }

    @Test
    void aDueDayInTheFollowingMonthFallsAfterThePeriod() {
        assertAll(
                () -> assertEquals(
                        dates("2025-01-09", "2025-04-09", "2025-07-09", "2025-10-09"),
                        dueDatesIn2025("Trước ngày 10 của tháng đầu quý sau")),
                () -> assertEquals(
                        LocalDate.of(2025, 2, 4),
                        dueDatesIn2025("Hằng tháng, trước ngày 05 tháng sau").get(1)));
    }

    @Test
    void aDueDayPastTheEndOfAShortMonthIsItsLastDay() {
        DueDayRule rule = new DueDayRule(31, 0, DueDayRule.MonthOfPeriod.LAST, false);

        assertEquals(LocalDate.of(2024, 2, 29), rule.dueIn(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
    }

    @Test
    void weeklyIsDueEverySunday() {
        List<LocalDate> dueDates = dueDatesIn2025("Hằng tuần");

        assertAll(
                () -> assertEquals(52, dueDates.size()),
                () -> assertEquals(LocalDate.of(2025, 1, 5), dueDates.get(0)),
                () -> assertTrue(dueDates.stream().allMatch(d -> d.getDayOfWeek() == DayOfWeek.SUNDAY)));
    }

    @Test
    void aWeeklyDueDayIsThatWeekdayOfEveryWeek() {
        List<LocalDate> friday = dueDatesIn2025("hàng tuần trước 15:00 ngày thứ Sáu hàng tuần");
        List<LocalDate> sunday = dueDatesIn2025("vào 15:00 ngày Chủ nhật hàng tuần");

        assertAll(
                () -> assertEquals(LocalDate.of(2025, 1, 3), friday.get(0)),
                () -> assertTrue(friday.stream().allMatch(d -> d.getDayOfWeek() == DayOfWeek.FRIDAY)),
                () -> assertEquals(52, sunday.size()),
                () -> assertTrue(sunday.stream().allMatch(d -> d.getDayOfWeek() == DayOfWeek.SUNDAY)));
    }

    @Test
    void aCalendarDateRuleAppliesToTheYearOnly() {
        assertEquals(
                dates("2025-06-30", "2025-12-14", "2025-12-31"),
                dueDatesIn2025("Định kỳ hàng năm (trước ngày 15/12), 06 tháng/lần"));
    }

    @Test
    void anOpenEndedWeeklyRecurrenceStaysInsideTheCalendarOfPeriods() {
        List<LocalDate> dueDates =
                Timeframe.parse("Hằng tuần và các năm tiếp theo", 2025).dueDates(LocalDate.MIN, LocalDate.MAX);

        assertAll(
                () -> assertEquals(LocalDate.of(2025, 1, 5), dueDates.get(0)),
                () -> assertEquals(LocalDate.of(9999, 12, 26), dueDates.get(dueDates.size() - 1)));
    }

    @Test
    void weeklyHasNoReportingFrequency() {
        Recurrence weekly = Timeframe.parse("Hằng tuần, hằng quý", 2025).recurrence();

        assertAll(
                () -> assertEquals(Set.of(Cadence.WEEKLY, Cadence.QUARTERLY), weekly.cadences()),
                () -> assertEquals(Set.of(Frequency.QUARTERLY), weekly.frequencies()));
    }

    @Test
    void frequenciesAndCadencesStayConsistent() {
        Recurrence byFrequency = new Recurrence(Set.of(Frequency.MONTHLY), false);
        Recurrence byCadence = Recurrence.of(false, null, Cadence.MONTHLY);

        assertAll(
                () -> assertEquals(byFrequency, byCadence),
                () -> assertEquals(Set.of(Cadence.MONTHLY), byFrequency.cadences()),
                () -> assertNull(byFrequency.dueDay()));
    }

    @Test
    void aFirstDeadlineIsDueBesideTheOccurrences() {
        assertEquals(
                dates("2025-06-29", "2025-12-31"),
                dueDatesIn2025("Lần đầu trước ngày 30/6/2025; sau đó định kỳ hằng năm"));
    }

    @Test
    void reportsWhatWasRecognisedAndWhatWasLeftOver() {
        Timeframe recurring = Timeframe.parse(
                "Hàng quý, năm và đột xuất khi có yêu cầu (thời gian gửi báo cáo theo Thông tư 01/2020/TT-VPCP)", 2024);
        Timeframe quarter = Timeframe.parse("Quý IV năm 2025 (tùy tình hình thực tế)", 2025);
        Timeframe prose = Timeframe.parse("Báo cáo gửi Sở Nội vụ trước ngày 10 hằng tháng để tổng hợp", 2025);

        assertAll(
                () -> assertEquals(List.of("Hàng quý, năm", "đột xuất"), recurring.recognised()),
                () -> assertTrue(recurring.leftover().contains("01/2020/TT-VPCP"), recurring.leftover()),
                () -> assertEquals(List.of("Quý IV năm 2025"), quarter.recognised()),
                () -> assertEquals("(tùy tình hình thực tế)", quarter.leftover()),
                () -> assertEquals(List.of("trước ngày 10 hằng tháng"), prose.recognised()),
                () -> assertEquals("Báo cáo gửi Sở Nội vụ … để tổng hợp", prose.leftover()));
    }

    @Test
    void fullyUnderstoodTextLeavesNothingOver() {
        Timeframe t = Timeframe.parse("Thời gian thực hiện: Quý IV năm 2022", 2022);

        assertAll(
                () -> assertEquals(List.of("Thời gian thực hiện: Quý IV năm 2022"), t.recognised()),
                () -> assertEquals("", t.leftover()));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Theo Kế hoạch",
                "Hàng hóa nhập khẩu",
                "Trước ngày 31/02/2024",
                "Quý V năm 2024",
                "Tháng 4 và tháng 8/2024",
                "Quý I và quý III năm 2024",
                "Trình UBTVQH cho ý kiến (tháng 4/2025); Trình Quốc hội thông qua (tháng 5/2025)"
            })
    void unstructuredTextIsAllLeftOver(String text) {
        Timeframe t = Timeframe.parse(text, 2024);

        assertAll(
                () -> assertEquals(TimeframeKind.UNSTRUCTURED, t.kind()),
                () -> assertEquals(List.of(), t.recognised()),
                () -> assertEquals(text, t.leftover()));
    }

    @Test
    void equalityIgnoresTheExplanation() {
        Timeframe parsed = Timeframe.parse("Tháng 5/2024 (dự kiến)", 2024);
        Timeframe byHand = new Timeframe(
                TimeframeKind.MONTH,
                LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 5, 31),
                LocalDate.of(2024, 5, 31),
                null,
                "Tháng 5/2024 (dự kiến)",
                null,
                false,
                null,
                List.of(),
                "",
                true);

        assertAll(
                () -> assertEquals(byHand, parsed),
                () -> assertEquals(byHand.hashCode(), parsed.hashCode()),
                () -> assertNotEquals(Timeframe.parse("Tháng 5/2024", 2024), parsed));
    }

    @Test
    void tokenizesDatesReferencesRomanFiguresAndKeywords() {
        assertAll(
                () -> assertEquals(List.of("DATE 15.10.2025"), tokens("15 / 10 / 2025")),
                () -> assertEquals(List.of("DATE 15.10.2025"), tokens("15-10-2025")),
                () -> assertEquals(List.of("DATE 15.12.0"), tokens("15.12")),
                () -> assertEquals(List.of("MONTH_YEAR 7.2024"), tokens("7/2024")),
                () -> assertEquals(List.of("MONTH_YEAR 9.2025"), tokens("9/20 25")),
                () -> assertEquals(List.of("NUMBER 3", "PUNCT -", "MONTH_YEAR 4.2025"), tokens("3–4/2025")),
                () -> assertEquals(List.of("NUMBER 2022", "PUNCT -", "NUMBER 2025"), tokens("2022 - 2025")),
                () -> assertEquals(
                        List.of("WORD thong", "FROM tu", "REFERENCE 01/2020/tt-vpcp"),
                        tokens("Thông tư 01/2020/TT-VPCP")),
                () -> assertEquals(
                        List.of("QUARTER quy", "ROMAN 3", "PUNCT ,", "ROMAN 1", "ROMAN 4"), tokens("Quý Ill, l lV")),
                () -> assertEquals(
                        List.of("EVERY hang", "MONTH thang", "EVERY hang", "QUARTER qui"),
                        tokens("Hằng tháng hàng quí")),
                () -> assertEquals(
                        List.of("LATEST cham nhat", "UNTIL_END den het", "AFTER_EVENT sau khi"),
                        tokens("Chậm nhất đến hết sau khi")),
                () -> assertEquals(
                        List.of("SINCE bat dau tu", "PERIODIC dinh ky", "PERIODIC dinh ki"),
                        tokens("bắt đầu từ định kỳ định kì")));
    }

    @Test
    void theParseNeverDependsOnTheCaseOrAccentsOfKeywords() {
        assertEquals(
                Timeframe.parse("trước ngày 05 của tháng cuối quý", 2025).recurrence(),
                Timeframe.parse("TRUOC NGAY 05 CUA THANG CUOI QUY", 2025).recurrence());
    }

    @Test
    void aStartOnlyTimeframeIsNeverDue() {
        Timeframe t = Timeframe.parse("Kể từ ngày 01/8/2025", 2025);

        assertAll(
                () -> assertNull(t.end()),
                () -> assertFalse(t.recognised().isEmpty()),
                () -> assertEquals(List.of(), t.dueDates(LocalDate.of(2025, 1, 1), LocalDate.of(2030, 12, 31))));
    }

    private static List<String> tokens(String text) {
        return TimeframeTokenizer.tokenize(FoldedText.of(text)).stream()
                .map(t -> switch (t.type()) {
                    case DATE -> "DATE " + t.first() + "." + t.second() + "." + t.third();
                    case MONTH_YEAR -> "MONTH_YEAR " + t.first() + "." + t.second();
                    case ROMAN -> "ROMAN " + t.first();
                    case WORD -> (t.keyword() == null ? "WORD" : t.keyword().name()) + " " + t.text();
                    default -> t.type() + " " + t.text();
                })
                .collect(Collectors.toList());
    }

    private static String cadences(Recurrence recurrence) {
        if (recurrence == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        recurrence.cadences().forEach(c -> parts.add(c.name()));
        if (recurrence.adHoc()) {
            parts.add("AD_HOC");
        }
        return String.join("+", parts);
    }

    private static List<LocalDate> dueDatesIn2025(String text) {
        return Timeframe.parse(text, 2025).dueDates(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
    }

    private static List<LocalDate> dates(String... isoDates) {
        return Stream.of(isoDates).map(LocalDate::parse).collect(Collectors.toList());
    }
}
