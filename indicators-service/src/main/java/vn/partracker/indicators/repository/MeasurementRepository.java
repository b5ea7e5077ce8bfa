package vn.partracker.indicators.repository;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import vn.partracker.indicators.domain.Measurement;
import vn.partracker.indicators.domain.MeasurementReview;
import vn.partracker.indicators.domain.MeasurementRevision;
import vn.partracker.indicators.domain.lifecycle.MeasurementStatus;

/** Figures with their revisions and reviews. */
@ApplicationScoped
public class MeasurementRepository implements PanacheRepositoryBase<Measurement, UUID> {

    /** @return the figure, locked until the transaction ends so concurrent changes are serialized */
    public Optional<Measurement> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** @return the figure of this indicator, agency and period, if one was submitted */
    public Optional<Measurement> findByKey(UUID indicatorId, UUID agencyId, String period) {
        return find("indicatorId = ?1 and agencyId = ?2 and period = ?3", indicatorId, agencyId, period)
                .firstResultOptional();
    }

    /** Filters figures; every filter is optional. */
    public PanacheQuery<Measurement> search(UUID indicatorId, UUID agencyId, String period, MeasurementStatus status) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (indicatorId != null) {
            where.add("indicatorId = :indicatorId");
            params.put("indicatorId", indicatorId);
        }
        if (agencyId != null) {
            where.add("agencyId = :agencyId");
            params.put("agencyId", agencyId);
        }
        if (period != null) {
            where.add("period = :period");
            params.put("period", period);
        }
        if (status != null) {
            where.add("status = :status");
            params.put("status", status);
        }
        return find(
                String.join(" and ", where),
                Sort.by("period").and("indicatorId").and("agencyId"),
                params);
    }

    /** @return how many figures the indicator has, whatever their status */
    public long countByIndicator(UUID indicatorId) {
        return count("indicatorId", indicatorId);
    }

    /** @return every figure of the indicator, locked in id order until the transaction ends */
    public List<Measurement> lockByIndicator(UUID indicatorId) {
        return find("indicatorId = ?1", Sort.by("id"), indicatorId)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /**
     * One chunk of every figure in id order (keyset paging, so a long walk neither skips nor repeats rows).
     *
     * @param after the last id of the previous chunk, {@code null} for the first
     * @param limit the chunk size
     */
    public List<Measurement> chunkAfter(UUID after, int limit) {
        return (after == null ? findAll(Sort.by("id")) : find("id > ?1", Sort.by("id"), after))
                .page(0, limit)
                .list();
    }

    /** Adds a revision row. */
    public void addRevision(MeasurementRevision revision) {
        getEntityManager().persist(revision);
    }

    /** Adds a review row. */
    public void addReview(MeasurementReview review) {
        getEntityManager().persist(review);
    }

    /** @return the revisions of a figure, oldest first */
    public List<MeasurementRevision> revisions(UUID measurementId) {
        return getEntityManager()
                .createQuery(
                        "from MeasurementRevision where measurementId = ?1 order by revision",
                        MeasurementRevision.class)
                .setParameter(1, measurementId)
                .getResultList();
    }

    /** @return the reviews of a figure, oldest first */
    public List<MeasurementReview> reviews(UUID measurementId) {
        return getEntityManager()
                .createQuery(
                        "from MeasurementReview where measurementId = ?1 order by reviewedAt, id",
                        MeasurementReview.class)
                .setParameter(1, measurementId)
                .getResultList();
    }
}
