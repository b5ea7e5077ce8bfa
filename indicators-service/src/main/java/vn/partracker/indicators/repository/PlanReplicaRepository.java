package vn.partracker.indicators.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;
import vn.partracker.indicators.domain.PlanReplica;

/** The local plan replica. */
@ApplicationScoped
public class PlanReplicaRepository implements PanacheRepositoryBase<PlanReplica, UUID> {

    /**
     * @param number a plan number such as {@code 59/QĐ-UBND}
     * @return the plans with that number, newest issue first (numbers repeat across years)
     */
    public List<PlanReplica> findByNumber(String number) {
        return list("number = ?1 order by issuedOn desc nulls last", number);
    }
}
