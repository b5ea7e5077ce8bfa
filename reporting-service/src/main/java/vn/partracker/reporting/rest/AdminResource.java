package vn.partracker.reporting.rest;

import static vn.partracker.support.http.ApiHeaders.LOCATION_HEADER;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.reporting.api.RebuildJob;
import vn.partracker.reporting.service.RebuildService;
import vn.partracker.reporting.service.RebuildWorker;

/** Operations for administrators. */
@Path("/api/admin")
@Tag(name = "Administration", description = "Consistency checks of the aggregates")
@Produces(MediaType.APPLICATION_JSON)
public class AdminResource {

    private final RebuildWorker worker;
    private final RebuildService rebuild;

    public AdminResource(RebuildWorker worker, RebuildService rebuild) {
        this.worker = worker;
        this.rebuild = rebuild;
    }

    @POST
    @Path("/rebuild")
    @Operation(
            operationId = "startRebuild",
            summary = "Start a rebuild of every aggregate from the replicas",
            description = "Queues a durable job and answers at once with its Location. The job recomputes one"
                    + " indicator per transaction (consumers of that indicator wait only for it), replaces the"
                    + " aggregates by the recomputed ones and lists every row where the incremental state differed"
                    + " (none when consistent).")
    @APIResponse(
            responseCode = "202",
            description = "The job, queued; follow Location for its progress and outcome",
            content = @Content(schema = @Schema(implementation = RebuildJob.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "409", description = "A rebuild is already queued or running")
    public Response rebuild() {
        RebuildJob job = worker.request();
        return Response.accepted(job)
                .location(URI.create("/api/admin/rebuild/" + job.id()))
                .build();
    }

    @GET
    @Path("/rebuild/{id}")
    @Operation(
            operationId = "getRebuildJob",
            summary = "A rebuild job's progress and outcome",
            description = "QUEUED, RUNNING (indicatorsDone of indicatorsTotal), SUCCEEDED with the differences found,"
                    + " or FAILED with the reason (also when the instance running it restarted).")
    @APIResponse(responseCode = "200", description = "The job")
    @APIResponse(responseCode = "404", description = "No such job")
    public RebuildJob job(@PathParam("id") UUID id) {
        return rebuild.get(id);
    }
}
