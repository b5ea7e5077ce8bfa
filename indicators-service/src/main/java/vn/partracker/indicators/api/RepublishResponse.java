package vn.partracker.indicators.api;

import java.time.Instant;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What {@code POST /api/admin/republish} re-emitted.
 *
 * @param id the run, also the entity id of its audit row
 * @param indicators how many {@code partracker.indicator.defined} events were written
 * @param measurements how many measurement state events were written (one per figure)
 * @param chunks how many transactions the run took
 * @param startedAt when the run began
 * @param finishedAt when its last chunk committed
 */
@Schema(description = "What a republish re-emitted through the outbox")
public record RepublishResponse(
        UUID id, long indicators, long measurements, int chunks, Instant startedAt, Instant finishedAt) {}
