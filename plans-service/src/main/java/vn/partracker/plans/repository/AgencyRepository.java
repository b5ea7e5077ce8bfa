package vn.partracker.plans.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.partracker.plans.domain.Agency;
import vn.partracker.plans.domain.AgencyKind;

/** Queries over the agency directory. */
@ApplicationScoped
public class AgencyRepository implements PanacheRepositoryBase<Agency, UUID> {

    /** The agency with this stable code, if any. */
    public Optional<Agency> findByCode(String code) {
        return find("code", code).firstResultOptional();
    }

    /** The agencies with these codes (unknown codes are simply absent). */
    public List<Agency> findByCodes(Collection<String> codes) {
        return codes.isEmpty() ? List.of() : list("code in ?1", codes);
    }

    /** The agencies with these ids. */
    public List<Agency> withIds(Collection<UUID> ids) {
        return ids.isEmpty() ? List.of() : list("id in ?1", ids);
    }

    /** Every agency valid on {@code date}. */
    public List<Agency> validOn(LocalDate date) {
        return list("validFrom <= ?1 and (validTo is null or validTo >= ?1)", date);
    }

    /**
     * Agencies valid on {@code asOf} matching the optional filters, by code. {@code parentId} means the parent on
     * that date; {@code folded} is an accent-folded search text matched against name and code.
     */
    public PanacheQuery<Agency> search(LocalDate asOf, String level, AgencyKind kind, UUID parentId, String folded) {
        StringBuilder where = new StringBuilder("a.validFrom <= :d and (a.validTo is null or a.validTo >= :d)");
        Parameters params = Parameters.with("d", asOf);
        if (level != null) {
            where.append(" and a.level = :level");
            params.and("level", level);
        }
        if (kind != null) {
            where.append(" and a.kind = :kind");
            params.and("kind", kind);
        }
        if (parentId != null) {
            where.append(" and exists (select 1 from AgencyParentLink l where l.agencyId = a.id"
                    + " and l.parentId = :parent and l.validFrom <= :d and (l.validTo is null or l.validTo >= :d))");
            params.and("parent", parentId);
        }
        if (folded != null) {
            where.append(" and (a.nameFolded like :q or lower(a.code) like :q)");
            params.and("q", "%" + folded + "%");
        }
        return find("from Agency a where " + where + " order by a.code", params);
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
