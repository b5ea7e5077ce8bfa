package vn.partracker.support.deadletter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A record waiting in this service's dead-letter topic. */
@Schema(description = "A record of the dead-letter topic not replayed yet")
public record DeadLetter(
        @Schema(description = "partition of the dead-letter topic")
        int partition,

        @Schema(description = "offset in the dead-letter topic")
        long offset,

        @Schema(description = "the topic it was consumed from")
        String topic,

        @Schema(description = "its partition there") Integer originalPartition,
        @Schema(description = "its offset there") Long originalOffset,
        @Schema(description = "its record key") String key,

        @Schema(description = "CloudEvents id (ce_id), when it had one")
        String eventId,

        @Schema(description = "CloudEvents type (ce_type), when it had one")
        String type,

        @Schema(description = "unreadable, invalid or unknown-reference")
        String kind,

        @Schema(description = "why it could not be applied") String reason) {}
