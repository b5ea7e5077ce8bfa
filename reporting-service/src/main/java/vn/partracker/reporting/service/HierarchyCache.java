package vn.partracker.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.partracker.reporting.domain.hierarchy.Hierarchy;
import vn.partracker.reporting.repository.AgencyReplicaRepository;

/**
 * The hierarchies of the last few spans of dates reports and roll-ups asked for, each kept while the directory's
 * revision stays where it was when the hierarchy was read.
 *
 * <p>Building a hierarchy reads every agency valid on the date (3,400 rows for the 2025 national structure) and
 * sorts it; the directory changes rarely and reports come often, so a report reads one counter instead. The revision
 * is read before the agencies: a hierarchy may be newer than the revision it is filed under, never older, and the
 * next revision replaces it. The counter lives in the database (moved by triggers on the replica tables), so every
 * instance sees a change applied by any other instance's agency consumer.
 *
 * <p>The directory changes on a few dates only (the days agencies and parent links begin and the days after they
 * end): every date between two of them has the same hierarchy, so one is kept per span, not per date. A figure
 * stream over many periods (a month each) used to build one per period end, 3.8 ms of database time each, which was
 * the largest statement of the reporting database under the submissions benchmark. A hierarchy is shared with the
 * other dates of its span only when the revision did not move while it was read; otherwise it serves its own date.
 */
@ApplicationScoped
public class HierarchyCache {

    /** Spans kept: the structures a dashboard moves between (before and after a reorganisation, a few more). */
    static final int SPANS = 16;

    private record Entry(long revision, Hierarchy hierarchy) {}

    /** The directory's change dates as read at a revision (or later). */
    private record ChangeDates(long revision, List<LocalDate> dates) {

        /** The first day of the span of equal hierarchies that holds the date ({@link LocalDate#MIN}: before all). */
        LocalDate spanOf(LocalDate date) {
            int at = Collections.binarySearch(dates, date);
            int index = at >= 0 ? at : -at - 2;
            return index < 0 ? LocalDate.MIN : dates.get(index);
        }
    }

    private final AgencyReplicaRepository agencies;
    private volatile ChangeDates changeDates;
    private final Map<LocalDate, Entry> entries = new LinkedHashMap<>(SPANS, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<LocalDate, Entry> eldest) {
            return size() > SPANS;
        }
    };

    public HierarchyCache(AgencyReplicaRepository agencies) {
        this.agencies = agencies;
    }

    /** The hierarchy valid on the date, as of the directory's current revision. */
    public Hierarchy on(LocalDate date) {
        long revision = agencies.directoryRevision();
        ChangeDates known = changeDates;
        if (known == null || known.revision() != revision) {
            known = new ChangeDates(revision, List.copyOf(agencies.changeDates()));
            changeDates = known;
        }
        LocalDate span = known.spanOf(date);
        synchronized (entries) {
            Entry entry = entries.get(span);
            if (entry != null && entry.revision() == revision) {
                return entry.hierarchy().onDate(date);
            }
        }
        Hierarchy hierarchy = new Hierarchy(date, agencies.validOn(date), revision);
        if (agencies.directoryRevision() != revision) {
            // the directory moved while the dates or the agencies were read: right for this date, not for its span
            return hierarchy;
        }
        synchronized (entries) {
            Entry entry = entries.get(span);
            if (entry == null || entry.revision() < revision) {
                entries.put(span, new Entry(revision, hierarchy));
            }
        }
        return hierarchy;
    }
}
