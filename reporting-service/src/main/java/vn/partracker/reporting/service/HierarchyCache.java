package vn.partracker.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import vn.partracker.reporting.domain.hierarchy.Hierarchy;
import vn.partracker.reporting.repository.AgencyReplicaRepository;

/**
 * The hierarchies of the last few dates reports asked for, each kept while the directory's revision stays where it
 * was when the hierarchy was read.
 *
 * <p>Building a hierarchy reads every agency valid on the date (3,400 rows for the 2025 national structure) and
 * sorts it; the directory changes rarely and reports come often, so a report reads one counter instead. The revision
 * is read before the agencies: a hierarchy may be newer than the revision it is filed under, never older, and the
 * next revision replaces it. The counter lives in the database (moved by triggers on the replica tables), so every
 * instance sees a change applied by any other instance's agency consumer.
 */
@ApplicationScoped
public class HierarchyCache {

    /** Dates kept: the period ends a dashboard moves between (quarters, months of this year and the last). */
    static final int DATES = 16;

    private record Entry(long revision, Hierarchy hierarchy) {}

    private final AgencyReplicaRepository agencies;
    private final Map<LocalDate, Entry> entries = new LinkedHashMap<>(DATES, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, Entry> eldest) {
            return size() > DATES;
        }
    };

    public HierarchyCache(AgencyReplicaRepository agencies) {
        this.agencies = agencies;
    }

    /** The hierarchy valid on the date, as of the directory's current revision. */
    public Hierarchy on(LocalDate date) {
        long revision = agencies.directoryRevision();
        synchronized (entries) {
            Entry entry = entries.get(date);
            if (entry != null && entry.revision() == revision) {
                return entry.hierarchy();
            }
        }
        Hierarchy hierarchy = new Hierarchy(date, agencies.validOn(date), revision);
        synchronized (entries) {
            Entry entry = entries.get(date);
            if (entry == null || entry.revision() < revision) {
                entries.put(date, new Entry(revision, hierarchy));
            }
        }
        return hierarchy;
    }
}
