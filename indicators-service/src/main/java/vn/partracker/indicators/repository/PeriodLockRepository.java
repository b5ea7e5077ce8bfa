package vn.partracker.indicators.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import vn.partracker.indicators.domain.PeriodLock;

/** Period locks; the table stays small (a few rows per plan and period), so it is read whole when checking. */
@ApplicationScoped
public class PeriodLockRepository implements PanacheRepositoryBase<PeriodLock, UUID> {}
