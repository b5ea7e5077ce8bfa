package vn.partracker.plans.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import vn.partracker.plans.domain.PlanAmendment;

/** Recorded amendments of issued plans. */
@ApplicationScoped
public class PlanAmendmentRepository implements PanacheRepositoryBase<PlanAmendment, UUID> {

    /** Every amendment of a plan, oldest first. */
    public List<PlanAmendment> ofPlan(UUID planId) {
        return list("planId = ?1 order by amendedAt, id", planId);
    }
}
