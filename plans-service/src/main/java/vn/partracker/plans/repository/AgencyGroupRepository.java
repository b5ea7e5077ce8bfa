package vn.partracker.plans.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import vn.partracker.plans.domain.AgencyGroup;

/** Agency groups. */
@ApplicationScoped
public class AgencyGroupRepository implements PanacheRepositoryBase<AgencyGroup, UUID> {

    /** The group with this code, if any. */
    public Optional<AgencyGroup> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The groups whose code equals {@code code}, else those whose folded name equals {@code foldedName}. */
    public java.util.List<AgencyGroup> findByCodeOrFoldedName(String code, String foldedName) {
        return findByCode(code).map(java.util.List::of).orElseGet(() -> list("nameFolded", foldedName));
    }
}
