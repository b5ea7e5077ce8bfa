package vn.partracker.plans.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.partracker.plans.api.RepublishReport;
import vn.partracker.plans.domain.Agency;
import vn.partracker.plans.domain.AgencyGroup;
import vn.partracker.plans.domain.AgencyParentLink;
import vn.partracker.plans.domain.Assignment;
import vn.partracker.plans.domain.Plan;
import vn.partracker.plans.domain.PlanStatus;
import vn.partracker.plans.domain.Task;
import vn.partracker.plans.domain.hierarchy.ParentPeriod;
import vn.partracker.plans.messaging.AgencyEvents;
import vn.partracker.plans.messaging.AgencyGroupEvents;
import vn.partracker.plans.messaging.PlanEvents;
import vn.partracker.plans.repository.AgencyGroupRepository;
import vn.partracker.plans.repository.AgencyParentLinkRepository;
import vn.partracker.plans.repository.AgencyRepository;
import vn.partracker.plans.repository.AssignmentRepository;
import vn.partracker.plans.repository.PlanRepository;
import vn.partracker.plans.repository.TaskRepository;
import vn.partracker.support.audit.AuditTrail;

/**
 * Re-emits the current state of every aggregate this service owns through the outbox, so a new consumer (an empty
 * reporting database, a reset consumer group, a topic past its retention) can rebuild its replicas from the topics
 * alone: every agency ({@code agency.upserted}), every agency group ({@code agency-group.upserted}) and every
 * published plan ({@code plan.issued} with its tasks and assignments, split like any plan event). Aggregates go in
 * key (id) order, a chunk per transaction, so 10,000 agencies are never one long transaction; each chunk reads its
 * rows {@code FOR SHARE}, so a concurrent change of one of them commits (and is appended to the outbox) either
 * before the chunk reads it or after the chunk's events, never in between: the last event of a key is the newest
 * state. The events get new ids; replicas that already hold a version ignore it, so republishing changes nothing
 * for an up-to-date consumer.
 */
@ApplicationScoped
public class RepublishService {

    private final AgencyRepository agencies;
    private final AgencyParentLinkRepository links;
    private final AgencyGroupRepository groups;
    private final PlanRepository plans;
    private final TaskRepository tasks;
    private final AssignmentRepository assignments;
    private final AgencyEvents agencyEvents;
    private final AgencyGroupEvents groupEvents;
    private final PlanEvents planEvents;
    private final AuditTrail auditTrail;
    private final OccurrenceService occurrences;
    private final int chunkSize;

    public RepublishService(
            AgencyRepository agencies,
            AgencyParentLinkRepository links,
            AgencyGroupRepository groups,
            PlanRepository plans,
            TaskRepository tasks,
            AssignmentRepository assignments,
            AgencyEvents agencyEvents,
            AgencyGroupEvents groupEvents,
            PlanEvents planEvents,
            AuditTrail auditTrail,
            OccurrenceService occurrences,
            @ConfigProperty(name = "partracker.plans.republish.chunk-size", defaultValue = "500") int chunkSize) {
        this.agencies = agencies;
        this.links = links;
        this.groups = groups;
        this.plans = plans;
        this.tasks = tasks;
        this.assignments = assignments;
        this.agencyEvents = agencyEvents;
        this.groupEvents = groupEvents;
        this.planEvents = planEvents;
        this.auditTrail = auditTrail;
        this.occurrences = occurrences;
        this.chunkSize = chunkSize;
    }

    /**
     * Re-emits everything, chunk by chunk (not one transaction: a failure part-way leaves the chunks already
     * written, which is harmless, and the call can simply be repeated). The last transaction records the audit row
     * with the counts.
     */
    public RepublishReport republish() {
        long started = System.nanoTime();
        Counts counts = new Counts();
        UUID last = null;
        do {
            UUID after = last;
            last = QuarkusTransaction.requiringNew().call(() -> agencyChunk(after, counts));
            counts.transactions++;
        } while (last != null);
        do {
            UUID after = last;
            last = QuarkusTransaction.requiringNew().call(() -> groupChunk(after, counts));
            counts.transactions++;
        } while (last != null);
        List<UUID> planIds = plans.getEntityManager()
                .createQuery("select p.id from Plan p where p.status <> :draft order by p.id", UUID.class)
                .setParameter("draft", PlanStatus.DRAFT)
                .getResultList();
        for (UUID planId : planIds) {
            QuarkusTransaction.requiringNew()
                    .timeout(PlanService.BIG_PLAN_TIMEOUT_SECONDS)
                    .run(() -> plan(planId, counts));
            counts.transactions++;
        }
        RepublishReport report = new RepublishReport(
                counts.agencies,
                counts.groups,
                counts.plans,
                counts.assignments,
                counts.events,
                counts.transactions + 1);
        QuarkusTransaction.requiringNew()
                .run(() -> auditTrail.record("state.republished", "Service", "plans-service", null, report));
        Log.infof(
                "republished %d agencies, %d groups, %d plans (%d assignments) as %d events in %d transactions, %d ms",
                report.agencies(),
                report.agencyGroups(),
                report.plans(),
                report.assignments(),
                report.events(),
                report.transactions(),
                (System.nanoTime() - started) / 1_000_000);
        return report;
    }

    private UUID agencyChunk(UUID after, Counts counts) {
        List<Agency> chunk = chunk(agencies, after);
        if (chunk.isEmpty()) {
            return null;
        }
        Map<UUID, List<ParentPeriod>> periods = new HashMap<>();
        for (AgencyParentLink link :
                links.ofAgencies(chunk.stream().map(a -> a.id).toList())) {
            periods.computeIfAbsent(link.agencyId, id -> new ArrayList<>())
                    .add(new ParentPeriod(link.parentId, link.validFrom, link.validTo));
        }
        for (Agency agency : chunk) {
            agencyEvents.upserted(agency, periods.getOrDefault(agency.id, List.of()));
        }
        counts.agencies += chunk.size();
        counts.events += chunk.size();
        return chunk.size() < chunkSize ? null : chunk.get(chunk.size() - 1).id;
    }

    private UUID groupChunk(UUID after, Counts counts) {
        List<AgencyGroup> chunk = chunk(groups, after);
        if (chunk.isEmpty()) {
            return null;
        }
        chunk.forEach(groupEvents::upserted);
        counts.groups += chunk.size();
        counts.events += chunk.size();
        return chunk.size() < chunkSize ? null : chunk.get(chunk.size() - 1).id;
    }

    private void plan(UUID planId, Counts counts) {
        Plan plan = plans.findById(planId, LockModeType.PESSIMISTIC_READ);
        if (plan == null || plan.status == PlanStatus.DRAFT) {
            return;
        }
        List<Task> planTasks = tasks.find("planId = ?1 order by position", planId)
                .withLock(LockModeType.PESSIMISTIC_READ)
                .list();
        List<Assignment> planAssignments = assignments
                .find("planId = ?1 order by createdAt, id", planId)
                .withLock(LockModeType.PESSIMISTIC_READ)
                .list();
        counts.events += planEvents.issued(
                plan, planTasks, planAssignments, occurrences.states(plan, planTasks, planAssignments));
        counts.plans++;
        counts.assignments += planAssignments.size();
    }

    private <T> List<T> chunk(io.quarkus.hibernate.orm.panache.PanacheRepositoryBase<T, UUID> repository, UUID after) {
        var query = after == null ? repository.find("order by id") : repository.find("id > ?1 order by id", after);
        return query.withLock(LockModeType.PESSIMISTIC_READ).page(0, chunkSize).list();
    }

    private static final class Counts {
        long agencies;
        long groups;
        long plans;
        long assignments;
        long events;
        long transactions;
    }
}
