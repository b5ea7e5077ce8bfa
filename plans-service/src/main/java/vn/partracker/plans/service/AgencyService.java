package vn.partracker.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.AgencyUpserted;
import vn.partracker.events.payload.ParentLink;
import vn.partracker.plans.domain.Agency;
import vn.partracker.plans.repository.AgencyRepository;
import vn.partracker.plans.rest.AgencyRequest;
import vn.partracker.plans.rest.AgencyResponse;
import vn.partracker.support.http.ETags;
import vn.partracker.support.outbox.OutboxWriter;
import vn.partracker.support.paging.Page;
import vn.partracker.support.paging.PageRequest;
import vn.partracker.support.problem.ConflictException;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.NotFoundException;
import vn.partracker.support.problem.ValidationException;
import vn.partracker.support.text.VietnameseText;

/**
 * Writes and reads the agency directory. Every write publishes {@code partracker.agency.upserted} through the
 * outbox in the same transaction, so replicas in the other services see exactly the committed state.
 */
@ApplicationScoped
public class AgencyService {

    private final AgencyRepository agencies;
    private final OutboxWriter outbox;

    public AgencyService(AgencyRepository agencies, OutboxWriter outbox) {
        this.agencies = agencies;
        this.outbox = outbox;
    }

    /** Creates an agency after checking its level, parent, predecessors, dates and code. */
    @Transactional
    public AgencyResponse create(AgencyRequest request) {
        validate(null, request);
        if (agencies.findByCode(request.code()).isPresent()) {
            throw new ConflictException(
                    "an agency with code " + request.code() + " already exists",
                    List.of(new FieldError("code", "already used")));
        }
        Agency agency = new Agency();
        agency.id = UUID.randomUUID();
        agency.code = request.code();
        agency.createdAt = Instant.now();
        apply(agency, request);
        agencies.persistAndFlush(agency);
        publish(agency);
        return AgencyResponse.of(agency);
    }

    /**
     * Replaces an agency's fields when {@code ifMatch} names its current version. The code is the agency's stable
     * identity in other systems and cannot change.
     */
    @Transactional
    public AgencyResponse update(UUID id, String ifMatch, AgencyRequest request) {
        Agency agency = agencies.findByIdOptional(id).orElseThrow(() -> new NotFoundException("agency", id));
        ETags.requireMatch(ifMatch, agency.version);
        if (!agency.code.equals(request.code())) {
            throw new ValidationException("code", "cannot change (was " + agency.code + ")");
        }
        validate(id, request);
        apply(agency, request);
        agencies.flush();
        publish(agency);
        return AgencyResponse.of(agency);
    }

    private void validate(UUID self, AgencyRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.validTo() != null && request.validTo().isBefore(request.validFrom())) {
            errors.add(new FieldError("validTo", "must not be before validFrom"));
        }
        if (!agencies.levelExists(request.level())) {
            errors.add(new FieldError("level", "unknown level '" + request.level() + "'"));
        }
        if (request.parentId() != null) {
            if (agencies.findByIdOptional(request.parentId()).isEmpty()) {
                errors.add(new FieldError("parentId", "no agency " + request.parentId()));
            } else if (self != null && createsCycle(self, request.parentId())) {
                errors.add(new FieldError("parentId", "would make the agency its own ancestor"));
            }
        }
        List<UUID> predecessors = request.predecessorIds() == null ? List.of() : request.predecessorIds();
        for (int i = 0; i < predecessors.size(); i++) {
            if (agencies.findByIdOptional(predecessors.get(i)).isEmpty()) {
                errors.add(new FieldError("predecessorIds[" + i + "]", "no agency " + predecessors.get(i)));
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
    }

    private boolean createsCycle(UUID self, UUID parentId) {
        UUID current = parentId;
        for (int depth = 0; current != null && depth < 100; depth++) {
            if (current.equals(self)) {
                return true;
            }
            current = agencies.findByIdOptional(current).map(a -> a.parentId).orElse(null);
        }
        return current != null;
    }

    private static void apply(Agency agency, AgencyRequest request) {
        agency.name = request.name().strip();
        agency.nameFolded = VietnameseText.fold(agency.name);
        agency.shortName = request.shortName();
        agency.kind = request.kind();
        agency.level = request.level();
        agency.parentId = request.parentId();
        agency.sectors = request.sectors() == null ? new ArrayList<>() : new ArrayList<>(request.sectors());
        agency.validFrom = request.validFrom();
        agency.validTo = request.validTo();
        agency.predecessorIds =
                request.predecessorIds() == null ? new ArrayList<>() : new ArrayList<>(request.predecessorIds());
        agency.updatedAt = Instant.now();
    }

    /** One agency by id. */
    public AgencyResponse get(UUID id) {
        return agencies.findByIdOptional(id)
                .map(AgencyResponse::of)
                .orElseThrow(() -> new NotFoundException("agency", id));
    }

    /** Agencies whose folded name or code contains the folded {@code q}, ordered by code. */
    public Page<AgencyResponse> list(String q, PageRequest page) {
        var query = q == null || q.isBlank()
                ? agencies.find("order by code")
                : agencies.find(
                        "nameFolded like ?1 or lower(code) like ?1 order by code", "%" + VietnameseText.fold(q) + "%");
        List<AgencyResponse> items = query.page(page.page(), page.size()).list().stream()
                .map(AgencyResponse::of)
                .toList();
        return Page.of(page, items, query.count());
    }

    private void publish(Agency agency) {
        outbox.append(
                Topics.AGENCIES,
                agency.id.toString(),
                EventTypes.AGENCY_UPSERTED,
                new AgencyUpserted(
                        AgencyUpserted.SCHEMA_VERSION,
                        agency.id,
                        agency.version,
                        agency.code,
                        agency.name,
                        agency.shortName,
                        agency.kind.name(),
                        agency.level,
                        agency.parentId,
                        List.of(new ParentLink(agency.parentId, agency.validFrom, agency.validTo)),
                        List.copyOf(agency.sectors),
                        agency.validFrom,
                        agency.validTo,
                        List.copyOf(agency.predecessorIds)));
    }
}
