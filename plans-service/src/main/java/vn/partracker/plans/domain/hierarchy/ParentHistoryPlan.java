package vn.partracker.plans.domain.hierarchy;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Where an agency's parent history is decided, for a single create, update or move and for a bulk import alike:
 * which effective-dated parent periods an agency ends up with, whether its parents exist on every day it is under
 * them, whether it would become its own ancestor, and whether shortening it would leave a child without a parent.
 *
 * <p>Kon Tum's example is the abolition of the district level on 2025-07-01: UBND xã Hà Mòn was under UBND huyện Đăk
 * Hà from 2020 and is under UBND tỉnh Kon Tum from that day. That is a move, not a correction, so the history keeps
 * the district period (reports of 2024 still roll up through the district) and gains a province period. A parent
 * given without a day replaces the parent of an agency that never moved, and is refused for one that did, because
 * then nobody can tell which period the caller meant.
 *
 * <p>Pure rules: the callers load the stored periods and the parents' validities and write back what this returns.
 */
public final class ParentHistoryPlan {

    /** Why a requested parent cannot be planned; the caller words it for its own input (request field, file row). */
    public enum Refusal {
        /** The day of the move is outside the agency's own validity. */
        CHANGE_DAY_OUTSIDE_VALIDITY,
        /** A new parent without a day, for an agency that has moved before. */
        MOVED_BEFORE_WITHOUT_DAY
    }

    /** The planned history, or why there is none. */
    public record Decision(List<ParentPeriod> periods, Refusal refusal) {

        static Decision of(List<ParentPeriod> periods) {
            return new Decision(List.copyOf(periods), null);
        }

        static Decision refused(Refusal refusal) {
            return new Decision(List.of(), refusal);
        }

        /** Whether the request was refused. */
        public boolean isRefused() {
            return refusal != null;
        }
    }

    private ParentHistoryPlan() {}

    /** The history of a new agency: one period under {@code parentId} (none for a root) for its whole validity. */
    public static List<ParentPeriod> forNewAgency(UUID parentId, Validity validity) {
        return List.of(new ParentPeriod(parentId, validity.from(), validity.to()));
    }

    /**
     * The history after an agency's fields are replaced (PUT, or a known code in an import). With
     * {@code parentChangedOn} the agency moves under {@code parentId} from that day; without it, a different parent
     * corrects the parent of an agency that never moved. Either way the history is then fitted to the (possibly new)
     * validity: periods outside it are dropped and the first and last are stretched or cut to its ends.
     *
     * @param stored the periods stored now, in any order
     */
    public static Decision forReplacement(
            List<ParentPeriod> stored, UUID parentId, LocalDate parentChangedOn, Validity validity) {
        List<ParentPeriod> periods = ParentHistory.sorted(stored);
        UUID lastParent =
                periods.isEmpty() ? null : periods.get(periods.size() - 1).parentId();
        if (parentChangedOn != null) {
            if (!validity.covers(parentChangedOn)) {
                return Decision.refused(Refusal.CHANGE_DAY_OUTSIDE_VALIDITY);
            }
            periods = ParentHistory.moveFrom(periods, parentId, parentChangedOn, validity.to());
        } else if (!Objects.equals(parentId, lastParent)) {
            if (periods.size() > 1) {
                return Decision.refused(Refusal.MOVED_BEFORE_WITHOUT_DAY);
            }
            periods = forNewAgency(parentId, validity);
        }
        return Decision.of(ParentHistory.fit(periods, validity.from(), validity.to(), parentId));
    }

    /**
     * The history after the agency moves under {@code parentId} from {@code from} until its own end; the earlier
     * history stays, and repeating a move changes nothing.
     */
    public static List<ParentPeriod> forMove(
            List<ParentPeriod> stored, UUID parentId, LocalDate from, Validity agencyValidity) {
        return ParentHistory.moveFrom(stored, parentId, from, agencyValidity.to());
    }

    /** The days on which a period with a parent starts: the days on which a new parent could close a cycle. */
    public static Set<LocalDate> parentStarts(List<ParentPeriod> periods) {
        Set<LocalDate> days = new TreeSet<>();
        for (ParentPeriod p : periods) {
            if (p.parentId() != null) {
                days.add(p.from());
            }
        }
        return days;
    }

    /**
     * Whether putting {@code self} under {@code parentId} makes it its own ancestor, walking up with
     * {@code parentOf} (the hierarchy on one day, with this change applied or not). Coming back to any agency already
     * visited also counts, so inconsistent data cannot make the walk endless.
     */
    public static boolean createsCycle(UUID self, UUID parentId, UnaryOperator<UUID> parentOf) {
        Set<UUID> seen = new HashSet<>();
        UUID current = parentId;
        while (current != null) {
            if (current.equals(self) || !seen.add(current)) {
                return true;
            }
            current = parentOf.apply(current);
        }
        return false;
    }

    /**
     * Whether a child with {@code childPeriods} is still under {@code parentId} on some day after {@code end}; a
     * parent may not end while that is so.
     */
    public static boolean underAfter(List<ParentPeriod> childPeriods, UUID parentId, LocalDate end) {
        return childPeriods.stream()
                .anyMatch(p -> parentId.equals(p.parentId()) && (p.to() == null || p.to().isAfter(end)));
    }
}
