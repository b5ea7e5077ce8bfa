package vn.partracker.indicators.service;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import vn.partracker.events.period.Period;
import vn.partracker.indicators.domain.AgencyReplica;
import vn.partracker.support.security.Caller;

/**
 * Whether the caller may write a figure for an agency: its own agency, or with {@code agencyScope: subtree} an
 * agency whose ancestors on the last day of the figure's period include it (a district entering its communes'
 * figures for a year in which they were under it). The hierarchy comes from the local agency replica with its parent
 * history. Every figure door (single submission, revision, JSON batch row, CSV and XLSX rows) asks here, so the rule
 * is the same whichever door a figure comes in by.
 */
@ApplicationScoped
public class FigureScope {

    private final Caller caller;

    public FigureScope(Caller caller) {
        this.caller = caller;
    }

    /**
     * Why the caller may not write a figure of {@code agency} for {@code period}, or empty when it may.
     *
     * @param view the request's (or import's) cached agency view
     * @param agency the figure's agency
     * @param period the figure's period; {@code null} when unreadable (then today's hierarchy counts)
     */
    public Optional<String> refusal(AgencyDirectory.View view, AgencyReplica agency, Period period) {
        LocalDate day = period == null ? LocalDate.now() : period.calendarEnd();
        return caller.refusalToActFor(agency.code, () -> ancestorCodes(view, agency, day));
    }

    private static List<String> ancestorCodes(AgencyDirectory.View view, AgencyReplica agency, LocalDate day) {
        return view.ancestorsOn(agency, day).stream()
                .map(view::agency)
                .flatMap(Optional::stream)
                .map(a -> a.code)
                .toList();
    }
}
