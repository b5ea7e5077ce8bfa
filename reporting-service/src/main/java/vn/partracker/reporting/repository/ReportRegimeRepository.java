package vn.partracker.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import vn.partracker.reporting.domain.regime.ReportRegime;

/** Report regimes. */
@ApplicationScoped
public class ReportRegimeRepository implements PanacheRepositoryBase<ReportRegime, UUID> {

    /** The regime with the code. */
    public Optional<ReportRegime> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }
}
