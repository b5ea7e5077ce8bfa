package vn.partracker.indicators.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.indicators.api.RepublishResponse;
import vn.partracker.indicators.service.RepublishService;

/** Operators' endpoints of indicators-service (admins only, see {@code AccessRules}). */
@Path("/api/admin")
@Tag(name = "Administration", description = "Operators' tools: re-emit the service's state")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final RepublishService republish;

    public AdminResource(RepublishService republish) {
        this.republish = republish;
    }

    @POST
    @Path("/republish")
    @Operation(
            operationId = "republishState",
            summary = "Re-emit every indicator and figure",
            description = "Writes the current state of every indicator (partracker.indicator.defined) and every"
                    + " figure (a measurement event of its status, current version) to the outbox, in chunks of"
                    + " 500 per transaction, so consumers can rebuild from empty. Consumers ignore a version they"
                    + " hold already, so running it twice counts nothing twice. Audited.")
    @APIResponse(responseCode = "200", description = "The counts re-emitted")
    public RepublishResponse republish() {
        return republish.republishAll();
    }
}
