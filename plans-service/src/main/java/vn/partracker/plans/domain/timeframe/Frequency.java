package vn.partracker.plans.domain.timeframe;

import java.time.Month;
import java.util.List;

/**
 * How often a {@link TimeframeKind#RECURRING} task or report comes round, as Vietnamese plans name it.
 *
 * <p>Each frequency knows the months in which its periods end; the due date of an occurrence is the last day of
 * such a month. Those are calendar period ends, not the submission deadlines of a reporting regime (Nghị định
 * 09/2019/NĐ-CP cut-offs and offsets belong to the reporting service).
 */
public enum Frequency {
    /** "Hàng tháng", "hằng tháng", "mỗi tháng". */
    MONTHLY(List.of(Month.values())),
    /** "Hàng quý", "hằng quý". */
    QUARTERLY(List.of(Month.MARCH, Month.JUNE, Month.SEPTEMBER, Month.DECEMBER)),
    /** "6 tháng", "định kỳ 6 tháng", "nửa năm". */
    SEMI_ANNUAL(List.of(Month.JUNE, Month.DECEMBER)),
    /** "9 tháng": the nine-month report, covering January to September. */
    NINE_MONTHS(List.of(Month.SEPTEMBER)),
    /** "Hàng năm", "hằng năm", "định kỳ hằng năm". */
    ANNUAL(List.of(Month.DECEMBER));

    private final List<Month> periodEndMonths;

    Frequency(List<Month> periodEndMonths) {
        this.periodEndMonths = periodEndMonths;
    }

    /**
     * The months in which a period of this frequency ends, in calendar order.
     *
     * @return an unmodifiable list
     */
    public List<Month> periodEndMonths() {
        return periodEndMonths;
    }
}
