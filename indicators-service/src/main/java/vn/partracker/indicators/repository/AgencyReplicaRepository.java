package vn.partracker.indicators.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import vn.partracker.indicators.domain.AgencyReplica;

/** The local agency replica. */
@ApplicationScoped
public class AgencyReplicaRepository implements PanacheRepositoryBase<AgencyReplica, UUID> {}
