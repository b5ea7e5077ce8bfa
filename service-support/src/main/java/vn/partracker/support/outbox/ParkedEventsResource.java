package vn.partracker.support.outbox;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.support.problem.NotFoundException;

/**
 * Outbox rows the relay parked (admins): every service serves it, since every service relays its own outbox. A
 * parked row holds back only the later events of its key; retrying it releases them in order.
 */
@Path("/api/admin/outbox/parked")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Outbox", description = "Events the outbox relay parked after failing for good")
public class ParkedEventsResource {

    private final OutboxAdmin admin;
    private final OutboxSignal signal;

    public ParkedEventsResource(OutboxAdmin admin, OutboxSignal signal) {
        this.admin = admin;
        this.signal = signal;
    }

    @GET
    @Operation(
            operationId = "listParkedOutboxEvents",
            summary = "List parked outbox events",
            description = "Rows the relay stopped trying (too large, or refused max-attempts times while the broker"
                    + " was up), oldest first, with the last error. Each holds back the later events of its key.")
    @APIResponse(responseCode = "200", description = "The parked events, at most 1,000")
    public List<ParkedEvent> list() {
        return admin.parked();
    }

    @POST
    @Path("/{seq}/retry")
    @Operation(
            operationId = "retryParkedOutboxEvent",
            summary = "Release a parked outbox event for another round of tries",
            description = "Its attempts restart from zero; the relay publishes it next, then the events of its key"
                    + " it held back. Fix the cause first (e.g. create the topic), or it is parked again.")
    @APIResponse(responseCode = "200", description = "The event, no longer parked")
    @APIResponse(responseCode = "404", description = "No outbox event has that sequence number")
    @APIResponse(responseCode = "409", description = "The event is not parked")
    public ParkedEvent retry(
            @Parameter(
                            description = "outbox sequence number",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int64"))
                    @PathParam("seq")
                    String seq) {
        long number;
        try {
            number = Long.parseLong(seq);
        } catch (NumberFormatException e) {
            throw new NotFoundException("Outbox event", seq);
        }
        ParkedEvent released = admin.retry(number);
        signal.newEvents();
        return released;
    }
}
