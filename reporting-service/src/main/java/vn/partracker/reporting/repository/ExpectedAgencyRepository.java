package vn.partracker.reporting.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import vn.partracker.reporting.domain.regime.ExpectedAgency;

/** Effective-dated expected reporters of regimes. */
@ApplicationScoped
public class ExpectedAgencyRepository implements PanacheRepositoryBase<ExpectedAgency, UUID> {

    /** Every expectation of the regime, oldest first. */
    public List<ExpectedAgency> ofRegime(UUID regimeId) {
        return list("regimeId = ?1 order by validFrom, createdAt, id", regimeId);
    }

    /** Every expectation of the regimes in one query (a page of regimes), oldest first per regime. */
    public Map<UUID, List<ExpectedAgency>> ofRegimes(Collection<UUID> regimeIds) {
        if (regimeIds.isEmpty()) {
            return Map.of();
        }
        return list("regimeId in ?1 order by validFrom, createdAt, id", regimeIds).stream()
                .collect(Collectors.groupingBy(e -> e.regimeId, LinkedHashMap::new, Collectors.toList()));
    }
}
