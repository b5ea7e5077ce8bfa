package vn.partracker.plans.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Comparator;
import java.util.List;
import vn.partracker.plans.api.ParFieldRequest;
import vn.partracker.plans.api.ParFieldResponse;
import vn.partracker.plans.domain.ParField;
import vn.partracker.plans.repository.ParFieldRepository;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.problem.ConflictException;
import vn.partracker.support.problem.FieldError;

/** The configurable PAR field codes tasks are classified by; a new field is recorded in the audit trail. */
@ApplicationScoped
public class ParFieldService {

    private final ParFieldRepository fields;
    private final AuditTrail auditTrail;

    public ParFieldService(ParFieldRepository fields, AuditTrail auditTrail) {
        this.fields = fields;
        this.auditTrail = auditTrail;
    }

    /** Every field in order. */
    public List<ParFieldResponse> list() {
        return fields.listAll().stream()
                .sorted(Comparator.comparingInt((ParField f) -> f.sortOrder).thenComparing(f -> f.code))
                .map(f -> new ParFieldResponse(f.code, f.name, f.sortOrder))
                .toList();
    }

    /** Adds a field; codes are unique. */
    @Transactional
    public ParFieldResponse add(ParFieldRequest request) {
        if (fields.findByIdOptional(request.code()).isPresent()) {
            throw new ConflictException(
                    "PAR field " + request.code() + " already exists", List.of(new FieldError("code", "already used")));
        }
        ParField field = new ParField();
        field.code = request.code();
        field.name = request.name().strip();
        field.sortOrder = request.order();
        fields.persist(field);
        fields.flush();
        ParFieldResponse created = new ParFieldResponse(field.code, field.name, field.sortOrder);
        auditTrail.record("par-field.created", "ParField", field.code, null, created);
        return created;
    }

    /** Whether a field code exists. */
    boolean exists(String code) {
        return fields.findByIdOptional(code).isPresent();
    }
}
