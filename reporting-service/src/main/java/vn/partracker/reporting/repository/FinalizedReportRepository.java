package vn.partracker.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import vn.partracker.reporting.domain.regime.FinalizedReport;

/** Finalized report snapshots. */
@ApplicationScoped
public class FinalizedReportRepository implements PanacheRepositoryBase<FinalizedReport, UUID> {

    /** The snapshot of a regime, period and agency, if finalized. */
    public Optional<FinalizedReport> find(UUID regimeId, String period, UUID agencyId) {
        return find("regimeId = ?1 and period = ?2 and agencyId = ?3", regimeId, period, agencyId)
                .firstResultOptional();
    }
}
