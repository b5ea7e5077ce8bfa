package vn.partracker.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import vn.partracker.reporting.domain.regime.ExpectedAgency;

/** Effective-dated expected reporters of regimes. */
@ApplicationScoped
public class ExpectedAgencyRepository implements PanacheRepositoryBase<ExpectedAgency, UUID> {

    /** Every expectation of the regime, oldest first. */
    public List<ExpectedAgency> ofRegime(UUID regimeId) {
        return list("regimeId = ?1 order by validFrom, createdAt, id", regimeId);
    }
}
