package vn.partracker.plans.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import vn.partracker.plans.domain.AgencyParentLink;

/** The effective-dated parent links of the hierarchy. */
@ApplicationScoped
public class AgencyParentLinkRepository implements PanacheRepositoryBase<AgencyParentLink, UUID> {

    /** The whole history of one agency, oldest first. */
    public List<AgencyParentLink> ofAgency(UUID agencyId) {
        return list("agencyId = ?1 order by validFrom", agencyId);
    }

    /** The histories of several agencies, oldest first within each. */
    public List<AgencyParentLink> ofAgencies(Collection<UUID> agencyIds) {
        return agencyIds.isEmpty() ? List.of() : list("agencyId in ?1 order by agencyId, validFrom", agencyIds);
    }

    /** Every link in force on {@code date}. */
    public List<AgencyParentLink> validOn(LocalDate date) {
        return list("validFrom <= ?1 and (validTo is null or validTo >= ?1)", date);
    }

    /** The parent of {@code agencyId} on {@code date}, or null. */
    public UUID parentOn(UUID agencyId, LocalDate date) {
        return find("agencyId = ?1 and validFrom <= ?2 and (validTo is null or validTo >= ?2)", agencyId, date)
                .firstResultOptional()
                .map(l -> l.parentId)
                .orElse(null);
    }

    /** Ids of agencies under {@code parentId} on some day after {@code date}: they would lose their parent. */
    public List<UUID> childrenAfter(UUID parentId, LocalDate date) {
        return find("parentId = ?1 and (validTo is null or validTo > ?2)", parentId, date).stream()
                .map(l -> l.agencyId)
                .distinct()
                .toList();
    }

    /** Removes the whole histories of several agencies, before they are rewritten. */
    public void deleteOfAgencies(Collection<UUID> agencyIds) {
        if (!agencyIds.isEmpty()) {
            delete("agencyId in ?1", agencyIds);
        }
    }

    /** Removes the whole history of one agency, before it is rewritten. */
    public void deleteOfAgency(UUID agencyId) {
        delete("agencyId", agencyId);
    }
}
