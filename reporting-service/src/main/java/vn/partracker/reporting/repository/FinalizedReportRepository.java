package vn.partracker.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import vn.partracker.reporting.domain.regime.FinalizedReport;
import vn.partracker.support.jdbc.Jdbc;

/** Finalized report snapshots. */
@ApplicationScoped
public class FinalizedReportRepository implements PanacheRepositoryBase<FinalizedReport, UUID> {

    private final Jdbc jdbc;

    public FinalizedReportRepository(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The snapshot of a regime, period and agency, if finalized. */
    public Optional<FinalizedReport> find(UUID regimeId, String period, UUID agencyId) {
        return find("regimeId = ?1 and period = ?2 and agencyId = ?3", regimeId, period, agencyId)
                .firstResultOptional();
    }

    /**
     * Serializes finalizations of one regime, period and agency until the transaction ends, so two concurrent
     * requests cannot both find no snapshot and both store one.
     */
    public void lockFinalization(UUID regimeId, String period, UUID agencyId) {
        jdbc.queryOne(
                "SELECT pg_advisory_xact_lock(hashtextextended(?, 0))",
                rs -> true,
                "finalize " + regimeId + " " + period + " " + agencyId);
    }
}
