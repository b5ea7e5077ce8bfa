package vn.partracker.plans.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * A timeframe's original wording and its structured form. {@code relative} is present only for RELATIVE
 * timeframes ("Chậm nhất 10 ngày kể từ ngày ban hành Quyết định công bố").
 */
public record TimeframeResponse(
        String kind,
        LocalDate start,
        LocalDate end,
        LocalDate dueDate,
        RecurrenceDto recurrence,
        String originalText,
        @JsonInclude(JsonInclude.Include.NON_NULL) Relative relative) {

    /** How often a RECURRING timeframe comes round; {@code adHoc} when "đột xuất" occurrences are also asked for. */
    public record RecurrenceDto(List<String> frequencies, boolean adHoc) {}

    /** Days counted from (negative: back from) an event; {@code workingDays} when "ngày làm việc". */
    public record Relative(Integer days, boolean workingDays, String to) {}
}
