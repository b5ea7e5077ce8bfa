package vn.partracker.plans.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import vn.partracker.plans.domain.Plan;
import vn.partracker.plans.domain.PlanStatus;

/** Plans. */
@ApplicationScoped
public class PlanRepository implements PanacheRepositoryBase<Plan, UUID> {

    /** Plans matching the optional filters, newest first. */
    public PanacheQuery<Plan> search(Integer year, PlanStatus status, String folded) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters params = new Parameters();
        if (year != null) {
            where.append(" and p.year = :year");
            params.and("year", year);
        }
        if (status != null) {
            where.append(" and p.status = :status");
            params.and("status", status);
        }
        if (folded != null) {
            where.append(" and p.searchFolded like :q");
            params.and("q", "%" + folded + "%");
        }
        return find("from Plan p where " + where + " order by p.issuedOn desc nulls last, p.number", params);
    }

    /** Whether the issuer already has a plan with this number. */
    public boolean numberTaken(String number, UUID issuerId, UUID exceptId) {
        return count(
                        "number = ?1 and issuerId = ?2 and id <> ?3",
                        number,
                        issuerId,
                        exceptId == null ? new UUID(0, 0) : exceptId)
                > 0;
    }
}
