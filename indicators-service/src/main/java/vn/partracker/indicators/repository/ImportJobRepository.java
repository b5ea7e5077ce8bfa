package vn.partracker.indicators.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import vn.partracker.indicators.domain.ImportJob;

/** Records of bulk imports. */
@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {}
