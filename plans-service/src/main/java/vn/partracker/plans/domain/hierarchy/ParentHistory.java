package vn.partracker.plans.domain.hierarchy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The effective-dated parent history of one agency, as an ordered list of non-overlapping periods. Pure rules, no
 * storage: the service rewrites an agency's links from what these methods return.
 */
public final class ParentHistory {

    private ParentHistory() {}

    /** The parent on {@code date}, empty for a root or a date outside every period. */
    public static Optional<UUID> parentOn(List<ParentPeriod> periods, LocalDate date) {
        return periods.stream().filter(p -> p.covers(date)).findFirst().map(ParentPeriod::parentId);
    }

    /** The parent that applies "today" for a summary: on {@code today}, else the nearest period in time. */
    public static UUID parentToday(List<ParentPeriod> periods, LocalDate today) {
        if (periods.isEmpty()) {
            return null;
        }
        List<ParentPeriod> sorted = sorted(periods);
        for (ParentPeriod p : sorted) {
            if (p.covers(today)) {
                return p.parentId();
            }
        }
        if (sorted.get(0).from().isAfter(today)) {
            return sorted.get(0).parentId();
        }
        return sorted.get(sorted.size() - 1).parentId();
    }

    /**
     * The history after the agency moves under {@code parentId} from {@code from}: periods starting on or after
     * that day are replaced, the period running on that day ends the day before, and a new period runs to
     * {@code until} (the agency's own end). A new period that continues the previous one with the same parent is
     * merged into it, so repeating a move changes nothing.
     */
    public static List<ParentPeriod> moveFrom(
            List<ParentPeriod> periods, UUID parentId, LocalDate from, LocalDate until) {
        Objects.requireNonNull(from, "from");
        List<ParentPeriod> result = new ArrayList<>();
        for (ParentPeriod p : sorted(periods)) {
            if (!p.from().isBefore(from)) {
                continue;
            }
            if (p.to() == null || !p.to().isBefore(from)) {
                result.add(new ParentPeriod(p.parentId(), p.from(), from.minusDays(1)));
            } else {
                result.add(p);
            }
        }
        if (!result.isEmpty()) {
            ParentPeriod last = result.get(result.size() - 1);
            if (Objects.equals(last.parentId(), parentId)
                    && last.to().plusDays(1).equals(from)) {
                result.set(result.size() - 1, new ParentPeriod(parentId, last.from(), until));
                return List.copyOf(result);
            }
        }
        result.add(new ParentPeriod(parentId, from, until));
        return List.copyOf(result);
    }

    /**
     * The history fitted to a new validity of the agency: periods wholly outside it are dropped, the first starts on
     * {@code validFrom} and the last ends on {@code validTo}. When nothing is left, one period under
     * {@code fallbackParent} covers the whole validity.
     */
    public static List<ParentPeriod> fit(
            List<ParentPeriod> periods, LocalDate validFrom, LocalDate validTo, UUID fallbackParent) {
        List<ParentPeriod> kept = new ArrayList<>();
        for (ParentPeriod p : sorted(periods)) {
            boolean endsBefore = p.to() != null && p.to().isBefore(validFrom);
            boolean startsAfter = validTo != null && p.from().isAfter(validTo);
            if (!endsBefore && !startsAfter) {
                kept.add(p);
            }
        }
        if (kept.isEmpty()) {
            return List.of(new ParentPeriod(fallbackParent, validFrom, validTo));
        }
        ParentPeriod first = kept.get(0);
        kept.set(0, new ParentPeriod(first.parentId(), validFrom, first.to()));
        ParentPeriod last = kept.get(kept.size() - 1);
        kept.set(kept.size() - 1, new ParentPeriod(last.parentId(), last.from(), validTo));
        return List.copyOf(kept);
    }

    /** The periods in order of their start. */
    public static List<ParentPeriod> sorted(List<ParentPeriod> periods) {
        return periods.stream().sorted(Comparator.comparing(ParentPeriod::from)).toList();
    }
}
