package vn.partracker.indicators.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.partracker.indicators.domain.ImportJob;

/** Records of bulk imports. */
@ApplicationScoped
public class ImportJobRepository implements PanacheRepositoryBase<ImportJob, UUID> {

    /** @return the record, locked until the transaction ends */
    public Optional<ImportJob> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * The records left {@code QUEUED} or {@code RUNNING}, locked; a record whose import is running in another live
     * process is locked by that import's transaction and skipped.
     */
    @SuppressWarnings("unchecked")
    public List<ImportJob> lockUnfinished() {
        return getEntityManager()
                .createNativeQuery(
                        "SELECT * FROM import_job WHERE status IN ('QUEUED', 'RUNNING') ORDER BY started_at"
                                + " FOR UPDATE SKIP LOCKED",
                        ImportJob.class)
                .getResultList();
    }

    /** @return the stored bodies of the records still {@code QUEUED} or {@code RUNNING} */
    public List<String> unfinishedBodies() {
        return getEntityManager()
                .createQuery(
                        "select bodyFile from ImportJob where status in ('QUEUED', 'RUNNING') and bodyFile is not null",
                        String.class)
                .getResultList();
    }
}
