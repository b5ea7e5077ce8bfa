package vn.partracker.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import vn.partracker.indicators.domain.AgencyGroupReplica;
import vn.partracker.indicators.domain.AgencyReplica;
import vn.partracker.indicators.domain.IndicatorAgency;
import vn.partracker.indicators.domain.target.AgencyProfile;
import vn.partracker.indicators.repository.AgencyGroupReplicaRepository;
import vn.partracker.indicators.repository.AgencyReplicaRepository;

/**
 * Answers questions about agencies from the local replicas only: does an agency exist, who are its ancestors on a
 * date, is it a member of a group or one of an indicator's performing agencies on a date. Group membership uses the
 * shared rule {@code AgencyGroupUpserted.includes}, so this service expands a group exactly as the others do.
 *
 * <p>{@link #view()} returns a per-request cache: a bulk import of 100,000 rows asks about the same few hundred
 * agencies again and again, and each is read from the database once. {@link #view(ReferenceSnapshot)} answers the
 * same questions from an in-memory snapshot instead ({@link ReferenceData}), reading nothing.
 */
@ApplicationScoped
public class AgencyDirectory {

    private final AgencyReplicaRepository agencies;
    private final AgencyGroupReplicaRepository groups;

    public AgencyDirectory(AgencyReplicaRepository agencies, AgencyGroupReplicaRepository groups) {
        this.agencies = agencies;
        this.groups = groups;
    }

    /** @return a fresh cached view of the replicas, to be used within one request or import */
    public View view() {
        return new View(null);
    }

    /**
     * @param snapshot the reference data to answer from
     * @return a view that reads the snapshot instead of the replica tables
     */
    public View view(ReferenceSnapshot snapshot) {
        return new View(snapshot);
    }

    /** One question to {@link View#isMember}. */
    private record Membership(UUID group, UUID agency, LocalDate date) {}

    /** A cached view of the replicas; not thread-safe, one per request. */
    public final class View {

        private final ReferenceSnapshot snapshot;
        private final Map<UUID, Optional<AgencyReplica>> agencyCache = new HashMap<>();
        private final Map<UUID, Optional<AgencyGroupReplica>> groupCache = new HashMap<>();
        private final Map<String, Optional<AgencyReplica>> byCode = new HashMap<>();
        private final Map<Membership, Boolean> memberships = new HashMap<>();
        private List<AgencyReplica> all;

        private View(ReferenceSnapshot snapshot) {
            this.snapshot = snapshot;
        }

        /**
         * @param id an agency id
         * @return the replicated agency, if any
         */
        public Optional<AgencyReplica> agency(UUID id) {
            if (snapshot != null) {
                return snapshot.agency(id);
            }
            return agencyCache.computeIfAbsent(id, key -> Optional.ofNullable(agencies.findById(key)));
        }

        /**
         * @param code an agency code such as {@code KT.SNV}
         * @param date the day the code must be valid on, preferring the agency valid then when a code was reused
         * @return the agency with that code
         */
        public Optional<AgencyReplica> agencyByCode(String code, LocalDate date) {
            return byCode.computeIfAbsent(code, key -> {
                List<AgencyReplica> found =
                        snapshot != null ? snapshot.agenciesWithCode(key) : agencies.findByCode(key);
                return found.stream()
                        .filter(a -> a.validOn(date))
                        .findFirst()
                        .or(() -> found.stream().findFirst());
            });
        }

        /**
         * @param id a group id
         * @return the replicated group, if any
         */
        public Optional<AgencyGroupReplica> group(UUID id) {
            if (snapshot != null) {
                return snapshot.group(id);
            }
            return groupCache.computeIfAbsent(id, key -> Optional.ofNullable(groups.findById(key)));
        }

        /**
         * Ancestors on a date, parent first. A cycle in bad data stops the walk instead of looping.
         *
         * @param agency the agency
         * @param date the day whose hierarchy counts
         * @return the ancestors on that day
         */
        public List<UUID> ancestorsOn(AgencyReplica agency, LocalDate date) {
            Set<UUID> seen = new LinkedHashSet<>();
            UUID parent = agency.parentOn(date);
            while (parent != null && seen.add(parent)) {
                Optional<AgencyReplica> next = agency(parent);
                parent = next.map(a -> a.parentOn(date)).orElse(null);
            }
            return new ArrayList<>(seen);
        }

        /**
         * @param group the group
         * @param agency the candidate
         * @param date the day of the membership
         * @return whether the agency exists that day and belongs to the group that day
         */
        public boolean isMember(AgencyGroupReplica group, AgencyReplica agency, LocalDate date) {
            // answered once per group, agency and day in a view (the view's agencies and groups do not change): an
            // import checks 5,000 rows of a few hundred agencies against the same groups, and walking the ancestors
            // and copying the group's rule per row was a quarter of its checking time (issue 13, session 9)
            return agency.validOn(date)
                    && memberships.computeIfAbsent(
                            new Membership(group.id, agency.id, date),
                            key -> group.rule()
                                    .includes(agency.id, agency.kind, agency.level, ancestorsOn(agency, date)));
        }

        /**
         * @param refs an indicator's agency references (agencies or groups)
         * @param agency the candidate
         * @param date the day that counts
         * @return whether the agency is named directly or through a group on that day
         */
        public boolean isAmong(Collection<IndicatorAgency> refs, AgencyReplica agency, LocalDate date) {
            if (!agency.validOn(date)) {
                return false;
            }
            for (IndicatorAgency ref : refs) {
                if (ref.agencyId != null && ref.agencyId.equals(agency.id)) {
                    return true;
                }
                if (ref.groupId != null) {
                    Optional<AgencyGroupReplica> group = group(ref.groupId);
                    if (group.isPresent() && isMember(group.get(), agency, date)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * Expands agency references to the concrete agencies valid on a date, each once, in directory order.
         *
         * @param refs agencies and groups
         * @param date the day of the expansion
         * @return the member agencies
         */
        public List<AgencyReplica> expand(Collection<IndicatorAgency> refs, LocalDate date) {
            if (all == null) {
                all = snapshot != null ? snapshot.allAgencies() : agencies.listAllAgencies();
                all.forEach(a -> agencyCache.putIfAbsent(a.id, Optional.of(a)));
            }
            return all.stream().filter(a -> isAmong(refs, a, date)).toList();
        }

        /**
         * @param agency an agency
         * @return what target selection needs to know about it
         */
        public AgencyProfile profile(AgencyReplica agency) {
            return new AgencyProfile(agency.id, agency.level, agency.kind, Set.copyOf(agency.sectors));
        }
    }
}
