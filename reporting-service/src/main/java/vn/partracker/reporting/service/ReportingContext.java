package vn.partracker.reporting.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partracker.events.period.InvalidPeriodException;
import vn.partracker.events.period.Period;
import vn.partracker.reporting.domain.hierarchy.AgencyNode;
import vn.partracker.reporting.domain.hierarchy.Hierarchy;
import vn.partracker.reporting.repository.AgencyReplicaRepository;
import vn.partracker.reporting.repository.EventPositionRepository;
import vn.partracker.support.problem.FieldError;
import vn.partracker.support.problem.NotFoundException;
import vn.partracker.support.problem.ValidationException;

/** What every report needs: the hierarchy on a date, the agency asked about, and the event position. */
@ApplicationScoped
public class ReportingContext {

    private final AgencyReplicaRepository agencies;
    private final EventPositionRepository positions;
    private final HierarchyCache hierarchies;

    public ReportingContext(
            AgencyReplicaRepository agencies, EventPositionRepository positions, HierarchyCache hierarchies) {
        this.agencies = agencies;
        this.positions = positions;
        this.hierarchies = hierarchies;
    }

    /** The hierarchy valid on the date, from the agency replica as it stands now (shared, see HierarchyCache). */
    public Hierarchy hierarchyOn(LocalDate date) {
        return hierarchies.on(date);
    }

    /**
     * The events the answer includes. Read before the figures, so the figures include at least these events (they
     * may include a few more that were applied while the report was being read).
     */
    public Map<String, Long> eventPosition() {
        return positions.positions();
    }

    /**
     * The agency a report is about, which must exist on the hierarchy's date.
     *
     * @throws NotFoundException when the replica does not know the agency
     * @throws ValidationException when it did not exist on that date
     */
    public AgencyNode requireAgency(Hierarchy hierarchy, UUID agencyId) {
        return hierarchy.agency(agencyId).orElseGet(() -> {
            List<AgencyNode> known = agencies.byIds(List.of(agencyId));
            if (known.isEmpty()) {
                throw new NotFoundException("agency", agencyId);
            }
            throw new ValidationException(
                    "agencyId",
                    "agency " + known.get(0).code() + " did not exist on " + hierarchy.date()
                            + ", the last day of the period's cut-off window");
        });
    }

    /** Parses required query parameters together so that the client sees every mistake at once. */
    public static Period requirePeriod(String period, Object planOrRegimeId, String idField, UUID agencyId) {
        List<FieldError> errors = new ArrayList<>();
        if (planOrRegimeId == null) {
            errors.add(new FieldError(idField, "required"));
        }
        if (agencyId == null) {
            errors.add(new FieldError("agencyId", "required"));
        }
        Period parsed = parsePeriod(period, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return parsed;
    }

    /** The period, or {@code null} with a {@code period} field error added when the code is not a valid period. */
    static Period parsePeriod(String period, List<FieldError> errors) {
        try {
            return Period.parse(period);
        } catch (InvalidPeriodException e) {
            errors.add(new FieldError("period", e.getMessage()));
            return null;
        }
    }
}
