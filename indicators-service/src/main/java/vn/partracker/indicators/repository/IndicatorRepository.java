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
import vn.partracker.indicators.domain.Indicator;

/** Indicator definitions. */
@ApplicationScoped
public class IndicatorRepository implements PanacheRepositoryBase<Indicator, UUID> {

    /**
     * @param id an indicator id
     * @return the indicator, locked until the transaction ends so concurrent updates are serialized
     */
    public Optional<Indicator> findForUpdate(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /**
     * @param id an indicator id
     * @return the indicator, share-locked until the transaction ends: figures checked against it commit before an
     *     update of its definition can (see {@code FigureRules.Context})
     */
    public Optional<Indicator> findForShare(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_READ);
    }

    /** @return the indicator with this group and ordinal in the plan, share-locked like {@link #findForShare} */
    public Optional<Indicator> findByOrdinalForShare(UUID planId, String group, String ordinal) {
        return find("planId = ?1 and group = ?2 and ordinal = ?3", planId, group, ordinal)
                .withLock(LockModeType.PESSIMISTIC_READ)
                .firstResultOptional();
    }

    /**
     * Holds the plan's import lock until the transaction ends, so two imports into one plan run one after the other:
     * the second sees every indicator the first committed instead of part of them.
     */
    public void lockPlanForImport(UUID planId) {
        getEntityManager()
                .createNativeQuery("SELECT 1 FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) AS held")
                .setParameter(1, "indicator-import:" + planId)
                .getSingleResult();
    }

    /**
     * @return whether another indicator of the plan already has this group and ordinal
     */
    public boolean existsOrdinal(UUID planId, String group, String ordinal, UUID except) {
        return count(
                        "planId = ?1 and group = ?2 and ordinal = ?3 and id <> ?4",
                        planId,
                        group,
                        ordinal,
                        except == null ? new UUID(0, 0) : except)
                > 0;
    }

    /**
     * @return the indicator with this group and ordinal in the plan
     */
    public Optional<Indicator> findByOrdinal(UUID planId, String group, String ordinal) {
        return find("planId = ?1 and group = ?2 and ordinal = ?3", planId, group, ordinal)
                .firstResultOptional();
    }

    /**
     * One chunk of every indicator in id order (keyset paging).
     *
     * @param after the last id of the previous chunk, {@code null} for the first
     * @param limit the chunk size
     */
    public List<Indicator> chunkAfter(UUID after, int limit) {
        return (after == null ? findAll(Sort.by("id")) : find("id > ?1", Sort.by("id"), after))
                .page(0, limit)
                .list();
    }

    /**
     * Filters indicators; every filter is optional.
     *
     * @param planId the plan
     * @param group the appendix group
     * @param foldedQuery a folded search text matched against the folded name
     * @return the query, sorted by plan, group and ordinal
     */
    public PanacheQuery<Indicator> search(UUID planId, String group, String foldedQuery) {
        List<String> where = new ArrayList<>();
        Map<String, Object> params = new HashMap<>();
        if (planId != null) {
            where.add("planId = :planId");
            params.put("planId", planId);
        }
        if (group != null) {
            where.add("group = :group");
            params.put("group", group);
        }
        if (foldedQuery != null) {
            where.add("nameFolded like :q");
            params.put("q", "%" + foldedQuery.replace("%", "\\%").replace("_", "\\_") + "%");
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        return find(query, Sort.by("planId").and("group").and("ordinal").and("id"), params);
    }
}
