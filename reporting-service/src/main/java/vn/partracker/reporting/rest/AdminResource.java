package vn.partracker.reporting.rest;

import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.reporting.api.RebuildResult;
import vn.partracker.reporting.service.RebuildService;

/** Operations for administrators. */
@Path("/api/admin")
@Tag(name = "Administration", description = "Consistency checks of the aggregates")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final RebuildService rebuild;

    public AdminResource(RebuildService rebuild) {
        this.rebuild = rebuild;
    }

    @POST
    @Path("/rebuild")
    @Operation(
            summary = "Recompute every aggregate from the replicas",
            description = "Blocks event consumption while it runs, replaces the aggregates by the recomputed ones and"
                    + " lists every row where the incremental state differed (none when consistent).")
    @APIResponse(responseCode = "200", description = "The rows compared and the differences found")
    public RebuildResult rebuild() {
        return rebuild.rebuild();
    }
}
