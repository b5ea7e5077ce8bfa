package vn.partracker.indicators.service;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.partracker.events.period.Period;
import vn.partracker.indicators.api.PeriodLockRequest;
import vn.partracker.indicators.api.PeriodLockResponse;
import vn.partracker.indicators.domain.PeriodLock;
import vn.partracker.indicators.repository.IndicatorRepository;
import vn.partracker.indicators.repository.PeriodLockRepository;
import vn.partracker.indicators.repository.PlanReplicaRepository;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.id.TimeOrderedIds;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.NotFoundException;
import vn.partracker.support.problem.ValidationException;

/**
 * Closes and reopens periods (chốt số liệu). Until reporting-service drives locks from its report regimes, they are
 * set here by hand; a locked period answers every change of a figure with 409 and the lock's reason.
 */
@ApplicationScoped
public class PeriodLockService {

    private final PeriodLockRepository locks;
    private final IndicatorRepository indicators;
    private final PlanReplicaRepository plans;
    private final AuditTrail audit;

    public PeriodLockService(
            PeriodLockRepository locks, IndicatorRepository indicators, PlanReplicaRepository plans, AuditTrail audit) {
        this.locks = locks;
        this.indicators = indicators;
        this.plans = plans;
        this.audit = audit;
    }

    /**
     * Locks a period.
     *
     * @throws ValidationException for an unknown indicator or plan, both given, or a malformed period
     */
    @Transactional
    public PeriodLockResponse lock(PeriodLockRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.indicatorId() != null && request.planId() != null) {
            errors.add(new FieldError("planId", "give indicatorId or planId, not both"));
        }
        if (request.indicatorId() != null
                && indicators.findByIdOptional(request.indicatorId()).isEmpty()) {
            errors.add(new FieldError("indicatorId", "unknown indicator " + request.indicatorId()));
        }
        if (request.planId() != null && plans.findByIdOptional(request.planId()).isEmpty()) {
            errors.add(new FieldError("planId", "unknown plan " + request.planId()));
        }
        Period period = null;
        try {
            period = Period.parse(request.period());
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("period", e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        PeriodLock lock = new PeriodLock();
        lock.id = TimeOrderedIds.next();
        lock.indicatorId = request.indicatorId();
        lock.planId = request.planId();
        lock.period = period.code();
        lock.periodStart = period.calendarStart();
        lock.periodEnd = period.calendarEnd();
        lock.reason = request.reason().strip();
        lock.createdAt = Instant.now();
        locks.persist(lock);
        Log.infof("period %s locked (lock %s): %s", lock.period, lock.id, lock.reason);
        PeriodLockResponse created = toResponse(lock);
        audit.record("period-lock.created", "PeriodLock", lock.id, null, created);
        return created;
    }

    /** Removes a lock. */
    @Transactional
    public void unlock(UUID id) {
        PeriodLock lock = locks.findByIdOptional(id).orElseThrow(() -> new NotFoundException("period lock", id));
        PeriodLockResponse before = toResponse(lock);
        locks.delete(lock);
        Log.infof("period lock %s removed", id);
        audit.record("period-lock.deleted", "PeriodLock", id, before, null);
    }

    /** @return every lock, newest first */
    public List<PeriodLockResponse> list() {
        return locks.listAll(io.quarkus.panache.common.Sort.descending("createdAt")).stream()
                .map(PeriodLockService::toResponse)
                .toList();
    }

    private static PeriodLockResponse toResponse(PeriodLock lock) {
        return new PeriodLockResponse(
                lock.id,
                lock.indicatorId,
                lock.planId,
                lock.period,
                lock.periodStart,
                lock.periodEnd,
                lock.reason,
                lock.createdAt);
    }
}
