package vn.partracker.plans.domain.timeframe;

import java.util.Optional;
import vn.partracker.events.period.Frequency;

/**
 * How often a recurring timeframe comes round, as plans word it: the reporting {@link Frequency frequencies} of
 * Nghị định 09/2019/NĐ-CP plus {@link #WEEKLY} ("hằng tuần"), which plans ask for but which no indicator or report
 * regime is measured by, so it has no {@link Frequency} and stays inside the timeframe model.
 */
public enum Cadence {
    /** "hằng tuần": Monday to Sunday; due on the Sunday. No {@link Frequency}. */
    WEEKLY(null),
    /** "hằng tháng". */
    MONTHLY(Frequency.MONTHLY),
    /** "hằng quý". */
    QUARTERLY(Frequency.QUARTERLY),
    /** "6 tháng", "nửa năm". */
    SEMI_ANNUAL(Frequency.SEMI_ANNUAL),
    /** "9 tháng". */
    NINE_MONTHS(Frequency.NINE_MONTHS),
    /** "hằng năm". */
    ANNUAL(Frequency.ANNUAL);

    private final Frequency frequency;

    Cadence(Frequency frequency) {
        this.frequency = frequency;
    }

    /** The reporting frequency with the same periods, empty for {@link #WEEKLY}. */
    public Optional<Frequency> frequency() {
        return Optional.ofNullable(frequency);
    }

    /** The cadence of a reporting frequency. */
    public static Cadence of(Frequency frequency) {
        for (Cadence cadence : values()) {
            if (cadence.frequency == frequency) {
                return cadence;
            }
        }
        throw new IllegalArgumentException("No cadence for " + frequency);
    }
}
