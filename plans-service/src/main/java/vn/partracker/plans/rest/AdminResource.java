package vn.partracker.plans.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.plans.api.RepublishReport;
import vn.partracker.plans.service.RepublishService;

/** Operations of the service itself, for administrators. */
@Path("/api/admin/republish")
@Tag(name = "Admin", description = "Operations for administrators: re-emitting the service's state")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final RepublishService republish;

    public AdminResource(RepublishService republish) {
        this.republish = republish;
    }

    @POST
    @Operation(
            operationId = "republishState",
            summary = "Re-emit the current state of every agency, agency group and plan",
            description = "Writes partracker.agency.upserted for every agency, partracker.agency-group.upserted for"
                    + " every group and partracker.plan.issued (with its tasks and assignments, split into"
                    + " task.assigned events when large) for every published plan, through the outbox, in key order"
                    + " and in chunks of 500 per transaction. A consumer reading the topics from the beginning then"
                    + " sees the full current state; consumers that are up to date ignore the versions they hold."
                    + " Safe to repeat. Audited.")
    @APIResponse(responseCode = "200", description = "What was re-emitted")
    public RepublishReport republish() {
        return republish.republish();
    }
}
