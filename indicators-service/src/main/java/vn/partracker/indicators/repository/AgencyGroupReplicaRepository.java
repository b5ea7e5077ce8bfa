package vn.partracker.indicators.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import vn.partracker.indicators.domain.AgencyGroupReplica;

/** The local agency group replica. */
@ApplicationScoped
public class AgencyGroupReplicaRepository implements PanacheRepositoryBase<AgencyGroupReplica, UUID> {

    /**
     * @param code a group code
     * @return the groups with that code (one, unless the producer reused a code)
     */
    public List<AgencyGroupReplica> findByCode(String code) {
        return list("code", code);
    }

    /**
     * @param folded a group name folded with {@code VietnameseText.fold}
     * @return the groups with that name, ignoring accents and case
     */
    public List<AgencyGroupReplica> findByFoldedName(String folded) {
        return list("nameFolded", folded);
    }
}
