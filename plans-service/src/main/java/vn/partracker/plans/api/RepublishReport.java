package vn.partracker.plans.api;

/**
 * What {@code POST /api/admin/republish} re-emitted.
 *
 * @param agencies agencies re-emitted as {@code partracker.agency.upserted}
 * @param agencyGroups groups re-emitted as {@code partracker.agency-group.upserted}
 * @param plans issued, closed or superseded plans re-emitted (drafts are never published)
 * @param assignments assignments carried by the plans' events
 * @param events outbox rows written in all
 * @param transactions the transactions they were written in (chunks)
 */
public record RepublishReport(
        long agencies, long agencyGroups, long plans, long assignments, long events, long transactions) {}
