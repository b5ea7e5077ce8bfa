package vn.partracker.support.deadletter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a replay did. */
@Schema(description = "How many dead letters were republished to their original topics")
public record ReplayResult(
        @Schema(description = "the dead-letter topic") String deadLetterTopic,

        @Schema(description = "records republished by this call")
        int replayed) {}
