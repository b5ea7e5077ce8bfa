package vn.partracker.plans.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import vn.partracker.plans.domain.ParField;

/** The PAR field table. */
@ApplicationScoped
public class ParFieldRepository implements PanacheRepositoryBase<ParField, String> {}
