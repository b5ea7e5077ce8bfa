package vn.partracker.support.deadletter;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The dead letters waiting to be replayed (at most {@code limit} of them listed). */
@Schema(description = "The dead letters of this service not yet replayed")
public record DeadLetterList(
        @Schema(description = "the dead-letter topic, partracker.dlq.<service>")
        String deadLetterTopic,

        @Schema(description = "how many records wait") long waiting,

        @Schema(description = "the first of them, in topic order")
        List<DeadLetter> records) {}
