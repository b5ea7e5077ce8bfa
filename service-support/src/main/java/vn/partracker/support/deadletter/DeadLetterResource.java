package vn.partracker.support.deadletter;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Operators' view of this service's dead-letter topic ({@code partracker.dlq.<service>}, admins alone): the records
 * that could never be applied, and a replay that re-applies them once their cause is fixed.
 */
@Path("/api/admin/dead-letters")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Dead letters", description = "Consumed records that could not be applied, and their replay")
public class DeadLetterResource {

    private final DeadLetterReplay replay;

    public DeadLetterResource(DeadLetterReplay replay) {
        this.replay = replay;
    }

    @GET
    @Operation(
            operationId = "listDeadLetters",
            summary = "List the dead letters waiting to be replayed",
            description = "Records of partracker.dlq.<service> after the last replay, in topic order (the first 500):"
                    + " original topic, partition and offset, event type and id, and why they could not be"
                    + " applied (unreadable, invalid, or unknown-reference after the bounded wait).")
    @APIResponse(responseCode = "200", description = "The waiting dead letters")
    @APIResponse(responseCode = "503", description = "The broker could not be reached")
    public DeadLetterList list() {
        return replay.waiting();
    }

    @POST
    @Path("/replay")
    @Operation(
            operationId = "replayDeadLetters",
            summary = "Republish the waiting dead letters to their original topics",
            description = "Each dead letter not replayed yet is republished with its original key and CloudEvents"
                    + " headers; the consumers apply it once (they are idempotent) or dead-letter it again if its"
                    + " cause remains. Unreadable records are passed over (skipped): no fix can make them"
                    + " readable, so republishing would only dead-letter and count them again; they stay on the"
                    + " dead-letter topic. The replayed position is remembered, so a second call replays only newer"
                    + " dead letters. Audited.")
    @APIResponse(responseCode = "200", description = "How many dead letters were republished")
    @APIResponse(responseCode = "503", description = "The broker could not be reached; nothing recorded")
    public ReplayResult replay() {
        return replay.replay();
    }
}
