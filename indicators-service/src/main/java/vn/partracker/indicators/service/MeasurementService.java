package vn.partracker.indicators.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.payload.AchievementState;
import vn.partracker.events.period.Period;
import vn.partracker.indicators.api.MeasurementRequest;
import vn.partracker.indicators.api.MeasurementResponse;
import vn.partracker.indicators.api.MeasurementUpdateRequest;
import vn.partracker.indicators.api.ReviewRequest;
import vn.partracker.indicators.api.ReviewResponse;
import vn.partracker.indicators.api.RevisionResponse;
import vn.partracker.indicators.domain.AgencyReplica;
import vn.partracker.indicators.domain.Indicator;
import vn.partracker.indicators.domain.Measurement;
import vn.partracker.indicators.domain.MeasurementReview;
import vn.partracker.indicators.domain.MeasurementRevision;
import vn.partracker.indicators.domain.PeriodLock;
import vn.partracker.indicators.domain.lifecycle.MeasurementStatus;
import vn.partracker.indicators.domain.lifecycle.ReviewAction;
import vn.partracker.indicators.messaging.MeasurementEvents;
import vn.partracker.indicators.repository.MeasurementRepository;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.http.ETags;
import vn.partracker.support.id.TimeOrderedIds;
import vn.partracker.support.paging.Page;
import vn.partracker.support.paging.PageRequest;
import vn.partracker.support.problem.ConflictException;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.ForbiddenException;
import vn.partracker.support.problem.LockedException;
import vn.partracker.support.problem.NotFoundException;
import vn.partracker.support.problem.ValidationException;
import vn.partracker.support.security.Caller;
import vn.partracker.support.security.Role;

/**
 * Submission, revision and review of figures. One figure exists per indicator × agency × period; a change makes a
 * new revision (the old one stays in {@code measurement_revision}); review decisions follow {@link ReviewAction}
 * ({@code SUBMITTED → APPROVED | RETURNED}, {@code APPROVED → SUBMITTED} on a recorded reopen), and a returned figure
 * goes back to {@code SUBMITTED} on its next revision. Every change publishes the figure's full state through
 * {@link MeasurementEvents}.
 *
 * <p>Who acts comes from the bearer token ({@link Caller}): figures are written only for the caller's agency (or
 * the agencies under it, {@link FigureScope}), reviews only by the indicator's evaluating agency, and
 * {@code submittedBy}/{@code reviewedBy} are the token's subject. Every write ends with its audit row.
 */
@ApplicationScoped
public class MeasurementService {

    /** The audit action of a figure's first revision. */
    private static final String SUBMITTED_ACTION = "measurement.submitted";

    private final MeasurementRepository measurements;
    private final FigureRules rules;
    private final MeasurementEvents events;
    private final FigureScope scope;
    private final Caller caller;
    private final AuditTrail audit;
    private final ReferenceData reference;
    private final ObjectMapper mapper;

    public MeasurementService(
            MeasurementRepository measurements,
            FigureRules rules,
            MeasurementEvents events,
            FigureScope scope,
            Caller caller,
            AuditTrail audit,
            ReferenceData reference,
            ObjectMapper mapper) {
        this.reference = reference;
        this.mapper = mapper;
        this.measurements = measurements;
        this.rules = rules;
        this.events = events;
        this.scope = scope;
        this.caller = caller;
        this.audit = audit;
    }

    /**
     * A submitted figure and its JSON text, serialised once for the answer, the audit row and the stored
     * Idempotency-Key answer.
     *
     * @param figure the figure as answered
     * @param json {@code figure} as the service's JSON
     */
    public record Submitted(MeasurementResponse figure, String json) {}

    /**
     * Submits the first revision of a figure.
     *
     * <p>The figure is checked against the in-memory reference data ({@link ReferenceData}) when a current snapshot
     * is loaded, and written by one statement that re-proves what the snapshot decided (generation, indicator
     * version, period locks, uniqueness); when the snapshot turns out to be behind, or none is loaded, it is checked
     * against the tables instead. Both give the same answers.
     *
     * @throws ValidationException naming every invalid field (nothing written)
     * @throws ForbiddenException when the caller may not act for the figure's agency
     * @throws LockedException when the period is locked
     * @throws ConflictException when the figure exists already (change it with PUT)
     */
    @Transactional
    public Submitted submit(MeasurementRequest request) {
        Figures figures = new Figures(
                request.numerator(),
                request.denominator(),
                request.value(),
                request.components(),
                request.note(),
                request.source());
        Optional<ReferenceSnapshot> snapshot = reference.current();
        if (snapshot.isPresent()) {
            Optional<Submitted> created = submitChecked(snapshot.get(), request, figures);
            if (created.isPresent()) {
                return created.get();
            }
        }
        return submitReadingTables(request, figures);
    }

    /**
     * The submission checked against a snapshot; empty (with nothing written) when the snapshot proved stale.
     */
    private Optional<Submitted> submitChecked(ReferenceSnapshot snapshot, MeasurementRequest request, Figures figures) {
        FigureRules.Context ctx = rules.context(snapshot);
        FigureRules.Checked checked =
                rules.check(ctx, request.indicatorId(), request.agencyId(), request.period(), figures);
        Optional<String> forbidden = checked.agency() == null
                ? Optional.empty()
                : scope.refusal(ctx.view(), checked.agency(), checked.period());
        if (forbidden.isPresent() || !checked.valid()) {
            if (!reference.stillCurrent(snapshot)) {
                return Optional.empty();
            }
            reference.answeredFromSnapshot();
            if (forbidden.isPresent()) {
                throw new ForbiddenException(forbidden.get());
            }
            throw new ValidationException(checked.errors());
        }
        Indicator indicator = checked.indicator();
        Period period = checked.period();
        Measurement m = firstRevision(request, figures, checked);
        AchievementState achievement = MeasurementMapper.achievement(m.achievement);
        Submitted submitted = answer(m, achievement);
        MeasurementRepository.FirstRevision written = measurements.insertFirstRevision(
                m,
                indicator.planId,
                indicator.version,
                snapshot.generation(),
                period.calendarStart(),
                period.calendarEnd(),
                events.prepare(EventTypes.MEASUREMENT_SUBMITTED, MeasurementMapper.toEvent(m, achievement)),
                audit.prepare(SUBMITTED_ACTION, "Measurement", m.id, null, submitted.json()));
        if (!written.indicatorCurrent() || written.generation() != snapshot.generation()) {
            reference.seen(written.generation());
            Log.debugf(
                    "reference snapshot %s behind (database at %s, indicator current: %s); checking against the tables",
                    Long.valueOf(snapshot.generation()),
                    Long.valueOf(written.generation()),
                    Boolean.valueOf(written.indicatorCurrent()));
            return Optional.empty();
        }
        reference.answeredFromSnapshot();
        if (written.lockPeriod() != null) {
            throw locked(indicator, period, written.lockPeriod(), written.lockReason());
        }
        if (!written.inserted()) {
            throw measurements
                    .findByKey(m.indicatorId, m.agencyId, m.period)
                    .map(MeasurementService::duplicate)
                    .orElseGet(() -> concurrent(m));
        }
        Log.debugf("figure %s submitted: indicator %s agency %s period %s", m.id, m.indicatorId, m.agencyId, m.period);
        return Optional.of(submitted);
    }

    /** The submission checked against the tables, the indicator share-locked: the way without a current snapshot. */
    private Submitted submitReadingTables(MeasurementRequest request, Figures figures) {
        reference.answeredFromTables();
        FigureRules.Context ctx = rules.context();
        FigureRules.Checked checked =
                rules.check(ctx, request.indicatorId(), request.agencyId(), request.period(), figures);
        if (checked.agency() != null) {
            requireScope(ctx, checked.agency(), checked.period());
        }
        if (!checked.valid()) {
            throw new ValidationException(checked.errors());
        }
        requireUnlocked(ctx, checked.indicator(), checked.period());
        measurements
                .findByKey(
                        request.indicatorId(),
                        request.agencyId(),
                        checked.period().code())
                .ifPresent(existing -> {
                    throw duplicate(existing);
                });
        Measurement m = firstRevision(request, figures, checked);
        try {
            measurements.persistAndFlush(m);
        } catch (PersistenceException e) {
            throw concurrent(m);
        }
        measurements.addRevision(revisionOf(m));
        return created(m);
    }

    private Measurement firstRevision(MeasurementRequest request, Figures figures, FigureRules.Checked checked) {
        Measurement m = new Measurement();
        m.id = TimeOrderedIds.next();
        m.indicatorId = request.indicatorId();
        m.agencyId = request.agencyId();
        m.period = checked.period().code();
        m.status = MeasurementStatus.SUBMITTED;
        m.revision = 1;
        m.version = 1;
        applyFigures(m, figures, checked.computed(), caller.subject());
        return m;
    }

    /**
     * The event, the log line and the audit row of a figure's first revision, once it is written (the way without a
     * current snapshot; the snapshot's way writes the same three with the figure, {@link #submitChecked}).
     */
    private Submitted created(Measurement m) {
        AchievementState achievement = MeasurementMapper.achievement(m.achievement);
        events.append(EventTypes.MEASUREMENT_SUBMITTED, MeasurementMapper.toEvent(m, achievement));
        Log.debugf("figure %s submitted: indicator %s agency %s period %s", m.id, m.indicatorId, m.agencyId, m.period);
        Submitted submitted = answer(m, achievement);
        audit.record(SUBMITTED_ACTION, "Measurement", m.id, null, submitted.json());
        return submitted;
    }

    /**
     * The answer to a submission, serialised once: the audit row, the stored Idempotency-Key answer and the HTTP body
     * are that same text.
     */
    private Submitted answer(Measurement m, AchievementState achievement) {
        MeasurementResponse created = MeasurementMapper.toResponse(m, achievement);
        try {
            return new Submitted(created, mapper.writeValueAsString(created));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("figure " + m.id + " could not be written as JSON", e);
        }
    }

    private static ConflictException concurrent(Measurement m) {
        return new ConflictException("a figure for indicator " + m.indicatorId + ", agency " + m.agencyId
                + " and period " + m.period + " was submitted at the same time; change it with PUT");
    }

    /**
     * Records a new revision of a figure. A returned figure becomes SUBMITTED again; an approved one must be
     * reopened first.
     *
     * @throws ForbiddenException when the caller may not act for the figure's agency
     * @throws ConflictException when the figure is approved
     */
    @Transactional
    public MeasurementResponse revise(UUID id, String ifMatch, MeasurementUpdateRequest request) {
        Measurement m = measurements.findForUpdate(id).orElseThrow(() -> new NotFoundException("measurement", id));
        FigureRules.Context ctx = rules.context();
        requireScope(ctx, m);
        ETags.requireMatch(ifMatch, m.version);
        MeasurementResponse before = MeasurementMapper.toResponse(m);
        if (!m.status.acceptsRevision()) {
            throw new ConflictException(
                    "figure " + id + " is APPROVED; it changes only after POST /api/measurements/" + id + "/reopen");
        }
        Figures figures = new Figures(
                request.numerator(),
                request.denominator(),
                request.value(),
                request.components(),
                request.note(),
                request.source());
        FigureRules.Checked checked = rules.check(ctx, m.indicatorId, m.agencyId, m.period, figures);
        if (!checked.valid()) {
            throw new ValidationException(checked.errors());
        }
        requireUnlocked(ctx, checked.indicator(), checked.period());
        m.revision++;
        m.status = MeasurementStatus.SUBMITTED;
        applyFigures(m, figures, checked.computed(), caller.subject());
        measurements.flush();
        measurements.addRevision(revisionOf(m));
        publish(m, EventTypes.MEASUREMENT_REVISED);
        Log.debugf("figure %s revised to revision %d", id, m.revision);
        MeasurementResponse revised = MeasurementMapper.toResponse(m);
        audit.record("measurement.revised", "Measurement", m.id, before, revised);
        return revised;
    }

    /** Approves a submitted figure. */
    @Transactional
    public MeasurementResponse approve(UUID id, ReviewRequest request) {
        return review(id, request, ReviewAction.APPROVE);
    }

    /** Returns a submitted figure to its agency with a reason. */
    @Transactional
    public MeasurementResponse returnToAgency(UUID id, ReviewRequest request) {
        return review(id, request, ReviewAction.RETURN);
    }

    /** Reopens an approved figure so it can be revised again; the reason is recorded. */
    @Transactional
    public MeasurementResponse reopen(UUID id, ReviewRequest request) {
        return review(id, request, ReviewAction.REOPEN);
    }

    /** @return one figure */
    public MeasurementResponse get(UUID id) {
        return MeasurementMapper.toResponse(find(id));
    }

    /** @return the revisions of a figure, oldest first */
    public List<RevisionResponse> revisions(UUID id) {
        find(id);
        return measurements.revisions(id).stream()
                .map(MeasurementMapper::toResponse)
                .toList();
    }

    /** @return the review decisions on a figure, oldest first */
    public List<ReviewResponse> reviews(UUID id) {
        find(id);
        return measurements.reviews(id).stream()
                .map(MeasurementMapper::toResponse)
                .toList();
    }

    /**
     * Lists figures.
     *
     * @throws ValidationException for a malformed period
     */
    public Page<MeasurementResponse> list(
            UUID indicatorId, UUID agencyId, String period, MeasurementStatus status, PageRequest page) {
        if (period != null && !period.isBlank()) {
            try {
                Period.parse(period);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("period", e.getMessage());
            }
        }
        PanacheQuery<Measurement> query =
                measurements.search(indicatorId, agencyId, period == null || period.isBlank() ? null : period, status);
        List<MeasurementResponse> items = query.page(page.page(), page.size()).list().stream()
                .map(MeasurementMapper::toResponse)
                .toList();
        return Page.of(page, items, query.count());
    }

    private MeasurementResponse review(UUID id, ReviewRequest request, ReviewAction action) {
        Measurement m = measurements.findForUpdate(id).orElseThrow(() -> new NotFoundException("measurement", id));
        if (action.reasonRequired()
                && (request.reason() == null || request.reason().isBlank())) {
            throw new ValidationException("reason", "a reason is required to " + action.verb() + " a figure");
        }
        FigureRules.Context ctx = rules.context();
        Indicator indicator =
                ctx.indicator(m.indicatorId).orElseThrow(() -> new NotFoundException("indicator", m.indicatorId));
        UUID reviewer = reviewerAgency(ctx, request, indicator);
        if (!action.allowedFrom(m.status)) {
            String from = action.from().stream().map(Enum::name).collect(Collectors.joining(" or "));
            throw new ConflictException(
                    "figure " + id + " is " + m.status + "; only a " + from + " figure can be " + action.pastTense());
        }
        MeasurementResponse before = MeasurementMapper.toResponse(m);
        Instant now = Instant.now();
        MeasurementReview review = new MeasurementReview();
        review.id = TimeOrderedIds.next();
        review.measurementId = id;
        review.action = action;
        review.fromStatus = m.status;
        review.toStatus = action.to();
        review.revision = m.revision;
        review.reviewerAgencyId = reviewer;
        review.reason = request.reason() == null || request.reason().isBlank()
                ? null
                : request.reason().strip();
        review.reviewedAt = now;
        measurements.addReview(review);
        m.status = action.to();
        m.reviewedAt = now;
        m.reviewedBy = caller.subject();
        m.reviewReason = review.reason;
        measurements.flush();
        publish(m, action.eventType());
        Log.infof("figure %s %s by %s of agency %s", id, action.pastTense(), m.reviewedBy, reviewer);
        MeasurementResponse after = MeasurementMapper.toResponse(m);
        audit.record("measurement." + action.pastTense(), "Measurement", m.id, before, after);
        return after;
    }

    /**
     * The agency that reviews: the caller's, which must be the indicator's evaluating agency (compared by code, as
     * the token names agencies by code). An admin acts for every agency: it may name {@code reviewerAgencyId}
     * (which must still be the evaluating agency) or leave it to default to the evaluating agency. Anyone else may
     * name only its own agency there.
     *
     * @throws NotEvaluatorException (403) when the reviewer is not the evaluating agency
     */
    private UUID reviewerAgency(FigureRules.Context ctx, ReviewRequest request, Indicator indicator) {
        UUID evaluating = indicator.evaluatingAgencyId;
        if (caller.has(Role.ADMIN)) {
            UUID named = request.reviewerAgencyId() == null ? evaluating : request.reviewerAgencyId();
            if (!named.equals(evaluating)) {
                throw new NotEvaluatorException(
                        "agency " + named + " is not the evaluating agency of indicator " + indicator.id);
            }
            return evaluating;
        }
        String evaluatingCode = ctx.view().agency(evaluating).map(a -> a.code).orElse(null);
        String own = caller.agencyCode().orElse(null);
        if (own == null) {
            throw new NotEvaluatorException("the token names no agency (claim 'agency'), so it cannot review figures"
                    + " of indicator " + indicator.id);
        }
        if (!own.equals(evaluatingCode)) {
            throw new NotEvaluatorException("agency " + own + " is not the evaluating agency"
                    + (evaluatingCode == null ? "" : " (" + evaluatingCode + ")") + " of indicator " + indicator.id);
        }
        if (request.reviewerAgencyId() != null && !request.reviewerAgencyId().equals(evaluating)) {
            throw new NotEvaluatorException("agency " + own + " reviews as itself; reviewerAgencyId "
                    + request.reviewerAgencyId() + " names another agency");
        }
        return evaluating;
    }

    private void requireScope(FigureRules.Context ctx, Measurement m) {
        Optional<AgencyReplica> agency = ctx.view().agency(m.agencyId);
        Period period;
        try {
            period = Period.parse(m.period);
        } catch (IllegalArgumentException e) {
            period = null;
        }
        if (agency.isPresent()) {
            requireScope(ctx, agency.get(), period);
        } else if (!caller.has(Role.ADMIN)) {
            throw new ForbiddenException("agency " + m.agencyId + " of figure " + m.id + " is not in the directory");
        }
    }

    private void requireScope(FigureRules.Context ctx, AgencyReplica agency, Period period) {
        scope.refusal(ctx.view(), agency, period).ifPresent(reason -> {
            throw new ForbiddenException(reason);
        });
    }

    private void requireUnlocked(FigureRules.Context ctx, Indicator indicator, Period period) {
        Optional<PeriodLock> lock = rules.lockFor(ctx, indicator, period);
        if (lock.isPresent()) {
            throw locked(indicator, period, lock.get().period, lock.get().reason);
        }
    }

    private static LockedException locked(Indicator indicator, Period period, String lockPeriod, String reason) {
        return new LockedException(
                "period " + period + " of indicator " + indicator.id + " is locked (lock " + lockPeriod + ")", reason);
    }

    private static ConflictException duplicate(Measurement existing) {
        return new ConflictException(
                "a figure for this indicator, agency and period exists already (" + existing.id
                        + "); change it with PUT /api/measurements/" + existing.id,
                List.of(new FieldError("period", "already submitted as /api/measurements/" + existing.id)));
    }

    static void applyFigures(Measurement m, Figures figures, FigureRules.Computed computed, String submittedBy) {
        m.numerator = figures.numerator();
        m.denominator = figures.denominator();
        m.enteredValue = figures.value();
        m.components = computed.componentsJson();
        m.subtotals = computed.subtotalsJson();
        m.computedValue = computed.value();
        m.achievementStatus = computed.achievement().status();
        m.achievement = EventJson.write(computed.achievement());
        m.note = figures.note();
        m.source = figures.source();
        m.submittedAt = Instant.now();
        m.submittedBy = submittedBy;
        m.reviewedAt = null;
        m.reviewedBy = null;
        m.reviewReason = null;
    }

    static MeasurementRevision revisionOf(Measurement m) {
        MeasurementRevision r = new MeasurementRevision();
        r.measurementId = m.id;
        r.revision = m.revision;
        r.numerator = m.numerator;
        r.denominator = m.denominator;
        r.enteredValue = m.enteredValue;
        r.components = m.components;
        r.subtotals = m.subtotals;
        r.computedValue = m.computedValue;
        r.achievementStatus = m.achievementStatus;
        r.achievement = m.achievement;
        r.note = m.note;
        r.source = m.source;
        r.submittedAt = m.submittedAt;
        r.submittedBy = m.submittedBy;
        return r;
    }

    private void publish(Measurement m, String type) {
        events.append(type, MeasurementMapper.toEvent(m));
    }

    private Measurement find(UUID id) {
        return measurements.findByIdOptional(id).orElseThrow(() -> new NotFoundException("measurement", id));
    }
}
