package vn.partracker.plans.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;
import vn.partracker.plans.domain.Agency;

/** Queries over the agency directory. */
@ApplicationScoped
public class AgencyRepository implements PanacheRepositoryBase<Agency, UUID> {

    /** The agency with this stable code, if any. */
    public Optional<Agency> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** Whether a level code exists in the level table. */
    public boolean levelExists(String level) {
        Number count = (Number) getEntityManager()
                .createNativeQuery("SELECT count(*) FROM agency_level WHERE code = :code")
                .setParameter("code", level)
                .getSingleResult();
        return count.longValue() > 0;
    }
}
