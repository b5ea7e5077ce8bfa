package vn.partracker.plans.rest;

import static vn.partracker.support.http.ApiHeaders.ETAG_HEADER;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.plans.api.TaskRequest;
import vn.partracker.plans.api.TaskResponse;
import vn.partracker.plans.service.TaskService;
import vn.partracker.support.http.ETags;

/** One task by id. */
@Path("/api/tasks")
@Tag(name = "Tasks", description = "Tasks of plans")
@Produces(MediaType.APPLICATION_JSON)
public class TaskResource {

    private final TaskService tasks;

    public TaskResource(TaskService tasks) {
        this.tasks = tasks;
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getTask",
            summary = "Get one task",
            description = "The ETag is the task's version, for If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The task",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such task")
    public Response get(@PathParam("id") UUID id) {
        TaskResponse task = tasks.get(id);
        return Response.ok(task).tag(ETags.of(task.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateTask",
            summary = "Replace a task",
            description = "Needs If-Match. On an ISSUED plan this is an amendment (amendmentReason required): new"
                    + " leads get assignments, dropped leads' assignments are cancelled, and"
                    + " partracker.plan.amended is published.")
    @APIResponse(
            responseCode = "200",
            description = "Replaced",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Unknown agency, group, section or field")
    @APIResponse(responseCode = "404", description = "No such task")
    @APIResponse(responseCode = "409", description = "Closed plan, or issued plan without amendmentReason")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = "the task's ETag from the last read") @HeaderParam("If-Match")
                    String ifMatch,
            @Valid @NotNull TaskRequest request) {
        TaskResponse task = tasks.update(id, ifMatch, request);
        return Response.ok(task).tag(ETags.of(task.version())).build();
    }
}
