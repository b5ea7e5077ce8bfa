package vn.partracker.plans.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * A timeframe's original wording and its structured form. {@code relative} is present only for RELATIVE
 * timeframes ("Chậm nhất 10 ngày kể từ ngày ban hành Quyết định công bố"). {@code recognised} lists the parts of the
 * wording the parser understood and {@code leftover} the rest ("" when everything was), so a planner sees whether
 * "Quý IV năm 2022 (tùy tình hình)" was read fully; {@code tentative} is true when the wording hedges ("Dự kiến quý
 * III/2025", "Khoảng tháng 9").
 */
public record TimeframeResponse(
        String kind,
        LocalDate start,
        LocalDate end,
        LocalDate dueDate,
        RecurrenceDto recurrence,
        String originalText,
        @JsonInclude(JsonInclude.Include.NON_NULL) Relative relative,
        List<String> recognised,
        String leftover,
        boolean tentative) {

    /**
     * How often a RECURRING timeframe comes round. {@code cadences} are all the periods named, weekly included;
     * {@code frequencies} their projection on the reporting frequencies (no weekly); {@code adHoc} when "đột xuất"
     * occurrences are also asked for; {@code dueDays} the day each cadence is due on where the wording names one
     * (absent when every cadence is due on its period's last day).
     */
    public record RecurrenceDto(
            List<String> frequencies,
            boolean adHoc,
            List<String> cadences,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<DueDay> dueDays) {}

    /**
     * The day of each period one cadence is due ("trước ngày 10 hằng tháng": MONTHLY, day 10, exclusive → the 9th).
     *
     * @param cadence WEEKLY, MONTHLY, QUARTERLY, SEMI_ANNUAL, NINE_MONTHS or ANNUAL
     * @param day the day of the month; absent for a weekday rule
     * @param month the calendar month of a yearly rule ("15/12 hằng năm"); absent when taken from the period
     * @param monthOfPeriod FIRST, LAST or FOLLOWING month of the period ("tháng cuối quý" is LAST); absent for a
     *     weekday or calendar-month rule
     * @param dayOfWeek MONDAY … SUNDAY for a weekly rule; absent otherwise
     * @param exclusive whether the named day itself is already late ("trước ngày 10")
     */
    public record DueDay(
            String cadence,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer day,
            @JsonInclude(JsonInclude.Include.NON_NULL) Integer month,
            @JsonInclude(JsonInclude.Include.NON_NULL) String monthOfPeriod,
            @JsonInclude(JsonInclude.Include.NON_NULL) String dayOfWeek,
            boolean exclusive) {}

    /** Days counted from (negative: back from) an event; {@code workingDays} when "ngày làm việc". */
    public record Relative(Integer days, boolean workingDays, String to) {}
}
