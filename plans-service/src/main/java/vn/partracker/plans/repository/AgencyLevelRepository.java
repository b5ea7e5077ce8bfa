package vn.partracker.plans.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.partracker.plans.domain.AgencyLevel;

/** The level table. */
@ApplicationScoped
public class AgencyLevelRepository implements PanacheRepositoryBase<AgencyLevel, String> {}
