package vn.partracker.support.deadletter;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a replay did. */
@Schema(description = "How many dead letters were republished to their original topics, and how many were passed over")
public record ReplayResult(
        @Schema(description = "the dead-letter topic") String deadLetterTopic,

        @Schema(description = "records republished by this call")
        int replayed,

        @Schema(
                description = "records passed over because no replay can ever apply them: unreadable ones (the same"
                        + " bytes would only be dead-lettered and counted again) and ones naming no original topic;"
                        + " they stay on the dead-letter topic for inspection and are no longer listed as waiting")
        int skipped) {}
