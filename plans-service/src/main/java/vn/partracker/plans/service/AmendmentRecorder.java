package vn.partracker.plans.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.partracker.plans.domain.Plan;
import vn.partracker.plans.domain.PlanAmendment;
import vn.partracker.plans.repository.PlanAmendmentRepository;
import vn.partracker.support.id.TimeOrderedIds;
import vn.partracker.support.security.Caller;

/**
 * Records amendments of issued plans, with values converted to plain JSON so the record reads the same forever, and
 * who amended: the bearer token's subject.
 */
@ApplicationScoped
public class AmendmentRecorder {

    private final PlanAmendmentRepository amendments;
    private final ObjectMapper mapper;
    private final Caller caller;

    public AmendmentRecorder(PlanAmendmentRepository amendments, ObjectMapper mapper, Caller caller) {
        this.amendments = amendments;
        // amendments record empty fields as null: "before": {"validTo": null} is information
        this.mapper = mapper.copy().setDefaultPropertyInclusion(JsonInclude.Include.ALWAYS);
        this.caller = caller;
    }

    /** Appends one amendment; {@code plan} must already be flushed so its version is the new one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PlanAmendment record(
            Plan plan,
            long versionBefore,
            String reason,
            List<String> changedFields,
            Map<String, ?> before,
            Map<String, ?> after) {
        PlanAmendment amendment = new PlanAmendment();
        amendment.id = TimeOrderedIds.next();
        amendment.planId = plan.id;
        amendment.versionBefore = versionBefore;
        amendment.versionAfter = plan.version;
        amendment.reason = reason.strip();
        amendment.changedFields = new ArrayList<>(changedFields);
        amendment.before = plain(before);
        amendment.after = plain(after);
        amendment.amendedAt = Instant.now();
        amendment.amendedBy = Caller.inRequest() ? caller.subject() : Caller.SYSTEM;
        amendments.persist(amendment);
        return amendment;
    }

    private Map<String, Object> plain(Map<String, ?> values) {
        Map<String, Object> result = new LinkedHashMap<>();
        values.forEach((k, v) -> result.put(k, mapper.convertValue(v, Object.class)));
        return result;
    }
}
