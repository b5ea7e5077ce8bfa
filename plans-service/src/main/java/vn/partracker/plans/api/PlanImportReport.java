package vn.partracker.plans.api;

import java.util.List;
import java.util.UUID;
import vn.partracker.plans.domain.PlanStatus;

/**
 * What a plan import did, or with {@code dryRun} would do: the plan id and status (null in a dry run), counts, how
 * many task timeframes were structured, and every problem found ({@code valid} is false when there is one).
 * {@code timeframeLeftovers} lists the task wordings that were not read in full (nothing understood, or text left
 * over), in a dry run too: they are not problems (a wording is never rejected) but a planner may want to rephrase
 * them before issuing, because an UNSTRUCTURED task is never due and so never overdue.
 */
public record PlanImportReport(
        boolean dryRun,
        boolean valid,
        UUID planId,
        PlanStatus status,
        int sections,
        int tasks,
        int structuredTimeframes,
        int assignments,
        List<ImportProblem> problems,
        List<TimeframeLeftover> timeframeLeftovers) {}
