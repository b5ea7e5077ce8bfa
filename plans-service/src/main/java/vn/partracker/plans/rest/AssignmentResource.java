package vn.partracker.plans.rest;

import static vn.partracker.support.http.ApiHeaders.LOCATION_HEADER;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.plans.api.AssignmentResponse;
import vn.partracker.plans.api.ProgressRequest;
import vn.partracker.plans.api.ProgressResponse;
import vn.partracker.plans.domain.AssignmentStatus;
import vn.partracker.plans.service.AssignmentService;
import vn.partracker.support.http.QueryParams;
import vn.partracker.support.idempotency.IdempotencyKeys;
import vn.partracker.support.idempotency.IdempotentResult;
import vn.partracker.support.paging.Page;
import vn.partracker.support.paging.PageRequest;

/** Assignments (one per task and concrete lead agency) and their append-only progress. */
@Path("/api/assignments")
@Tag(name = "Assignments", description = "Who does which task, progress reports, overdue as of a date")
@Produces(MediaType.APPLICATION_JSON)
public class AssignmentResource {

    private final AssignmentService service;
    private final IdempotencyKeys idempotency;

    public AssignmentResource(AssignmentService service, IdempotencyKeys idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(
            operationId = "listAssignments",
            summary = "List assignments",
            description = "Filters: agencyId, planId, status, overdue=true (due date before asOf and neither DONE nor"
                    + " CANCELLED; derived, never stored), asOf (default today).")
    @APIResponse(responseCode = "200", description = "One page of assignments")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<AssignmentResponse> list(
            @QueryParam("agencyId") String agencyId,
            @QueryParam("planId") String planId,
            @QueryParam("status") String status,
            @QueryParam("overdue") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String overdue,
            @QueryParam("asOf") String asOf,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String size) {
        return service.list(
                QueryParams.uuid("agencyId", agencyId),
                QueryParams.uuid("planId", planId),
                QueryParams.enumValue("status", status, AssignmentStatus.class),
                QueryParams.bool("overdue", overdue, false),
                QueryParams.date("asOf", asOf, LocalDate.now()),
                PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size)));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getAssignment",
            summary = "Get one assignment",
            description = "overdue as of asOf (default today).")
    @APIResponse(responseCode = "200", description = "The assignment")
    @APIResponse(responseCode = "404", description = "No such assignment")
    public AssignmentResponse get(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        return service.get(id, QueryParams.date("asOf", asOf, LocalDate.now()));
    }

    @POST
    @Path("/{id}/progress")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "reportAssignmentProgress",
            summary = "Report progress",
            description = "Appended, never overwriting earlier reports. percent 0–100; DONE needs 100. Publishes"
                    + " partracker.task.progress-reported and, on a status change, partracker.task.status-changed."
                    + " Safe to retry with Idempotency-Key: the same key and body get the first answer again and"
                    + " append nothing.")
    @APIResponse(
            responseCode = "201",
            description = "Appended (or the first answer again, for a repeated key)",
            content = @Content(schema = @Schema(implementation = ProgressResponse.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "percent outside 0–100, DONE below 100 %, invalid key")
    @APIResponse(responseCode = "404", description = "No such assignment")
    @APIResponse(
            responseCode = "409",
            description = "Cancelled assignment, plan not issued, or Idempotency-Key reused with another body")
    public Response report(
            @PathParam("id") UUID id,
            @Parameter(description = "client-chosen key (1–200 characters) that makes a retry safe")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            @Valid @NotNull ProgressRequest request) {
        String location = "/api/assignments/" + id + "/progress";
        IdempotentResult result = idempotency.execute(idempotencyKey, "POST " + location, request, () -> {
            ProgressResponse update = service.report(id, request);
            return IdempotentResult.of(201, location, update);
        });
        return result.toResponse();
    }

    @GET
    @Path("/{id}/progress")
    @Operation(
            operationId = "listAssignmentProgress",
            summary = "Progress history of an assignment",
            description = "Oldest first.")
    @APIResponse(responseCode = "200", description = "Every report")
    @APIResponse(responseCode = "404", description = "No such assignment")
    public List<ProgressResponse> history(@PathParam("id") UUID id) {
        return service.history(id);
    }
}
