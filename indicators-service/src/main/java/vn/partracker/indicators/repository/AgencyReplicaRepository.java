package vn.partracker.indicators.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import vn.partracker.indicators.domain.AgencyReplica;

/** The local agency replica. */
@ApplicationScoped
public class AgencyReplicaRepository implements PanacheRepositoryBase<AgencyReplica, UUID> {

    /**
     * @param code an agency code such as {@code KT.SNV}
     * @return the agencies with that code (more than one only across validity periods)
     */
    public List<AgencyReplica> findByCode(String code) {
        return list("code", code);
    }

    /** @return every replicated agency, for expanding groups over the whole directory */
    public List<AgencyReplica> listAllAgencies() {
        return listAll();
    }
}
