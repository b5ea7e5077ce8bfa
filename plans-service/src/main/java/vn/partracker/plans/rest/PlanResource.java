package vn.partracker.plans.rest;

import static vn.partracker.support.http.ApiHeaders.ETAG_HEADER;
import static vn.partracker.support.http.ApiHeaders.LOCATION_HEADER;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
import vn.partracker.plans.api.AmendmentResponse;
import vn.partracker.plans.api.PlanPatchRequest;
import vn.partracker.plans.api.PlanRequest;
import vn.partracker.plans.api.PlanResponse;
import vn.partracker.plans.api.TaskRequest;
import vn.partracker.plans.api.TaskResponse;
import vn.partracker.plans.domain.AssignmentStatus;
import vn.partracker.plans.domain.PlanStatus;
import vn.partracker.plans.service.PlanService;
import vn.partracker.plans.service.TaskService;
import vn.partracker.support.http.ETags;
import vn.partracker.support.http.QueryParams;
import vn.partracker.support.idempotency.IdempotencyKeys;
import vn.partracker.support.idempotency.IdempotentResult;
import vn.partracker.support.paging.Page;
import vn.partracker.support.paging.PageRequest;

/** Plans, their life cycle, amendments and their tasks. */
@Path("/api/plans")
@Tag(name = "Plans", description = "Plans from draft to issued to closed, amendments, and their tasks")
@Produces(MediaType.APPLICATION_JSON)
public class PlanResource {

    private static final String MERGE_PATCH = "application/merge-patch+json";

    private final PlanService plans;
    private final TaskService tasks;
    private final IdempotencyKeys idempotency;

    public PlanResource(PlanService plans, TaskService tasks, IdempotencyKeys idempotency) {
        this.plans = plans;
        this.tasks = tasks;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createPlan",
            summary = "Create a draft plan",
            description = "Drafts are not published; issuing publishes the plan.")
    @APIResponse(
            responseCode = "201",
            description = "Created as DRAFT",
            content = @Content(schema = @Schema(implementation = PlanResponse.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid plan: unknown issuer, no year, duplicate section")
    @APIResponse(responseCode = "409", description = "Number already used by the issuer, or Idempotency-Key reused")
    public Response create(@HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull PlanRequest request) {
        IdempotentResult result = idempotency.execute(idempotencyKey, "POST /api/plans", request, () -> {
            PlanResponse created = plans.create(request);
            return IdempotentResult.of(201, "/api/plans/" + created.id(), created);
        });
        return result.toResponse();
    }

    @GET
    @Operation(
            operationId = "listPlans",
            summary = "List plans",
            description = "Filters: year, status, q (number or title, accent-insensitive).")
    @APIResponse(responseCode = "200", description = "One page of plans")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<PlanResponse> list(
            @QueryParam("year") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String year,
            @QueryParam("status") String status,
            @QueryParam("q") String q,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String size) {
        return plans.list(
                QueryParams.integer("year", year),
                QueryParams.enumValue("status", status, PlanStatus.class),
                q,
                PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size)));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getPlan",
            summary = "Get one plan",
            description = "The ETag is the plan's version, for If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The plan",
            content = @Content(schema = @Schema(implementation = PlanResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such plan")
    public Response get(@PathParam("id") UUID id) {
        PlanResponse plan = plans.get(id);
        return Response.ok(plan).tag(ETags.of(plan.version())).build();
    }

    @PATCH
    @Path("/{id}")
    @Consumes({MediaType.APPLICATION_JSON, MERGE_PATCH})
    @Operation(
            operationId = "updatePlan",
            summary = "Change a plan",
            description = "Only the fields present change. Needs If-Match. An ISSUED plan changes only with"
                    + " amendmentReason: the amendment is recorded and partracker.plan.amended published.")
    @APIResponse(
            responseCode = "200",
            description = "Changed",
            content = @Content(schema = @Schema(implementation = PlanResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid values")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(
            responseCode = "409",
            description = "Issued plan without amendmentReason, closed plan, or number already used")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response patch(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = "the plan's ETag from the last read") @HeaderParam("If-Match")
                    String ifMatch,
            @Valid @NotNull PlanPatchRequest request) {
        PlanResponse plan = plans.patch(id, ifMatch, request);
        return Response.ok(plan).tag(ETags.of(plan.version())).build();
    }

    @POST
    @Path("/{id}/issue")
    @Operation(
            operationId = "issuePlan",
            summary = "Issue a draft plan",
            description = "Expands each task's lead agencies and groups on the issue date ('on', else the"
                    + " plan's issuedOn, else today) into one assignment per concrete agency, and publishes"
                    + " partracker.plan.issued. Needs If-Match with the ETag of the last read.")
    @APIResponse(
            responseCode = "200",
            description = "Issued",
            content = @Content(schema = @Schema(implementation = PlanResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(
            responseCode = "409",
            description = "Not a draft, no tasks, or a lead that expands to no agency on that day")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response issue(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = "the plan's ETag from the last read") @HeaderParam("If-Match")
                    String ifMatch,
            @Parameter(description = "issue date (YYYY-MM-DD); default the plan's issuedOn, else today")
                    @QueryParam("on")
                    String on) {
        PlanResponse plan = plans.issue(id, ifMatch, QueryParams.date("on", on, null));
        return Response.ok(plan).tag(ETags.of(plan.version())).build();
    }

    @POST
    @Path("/{id}/close")
    @Operation(
            operationId = "closePlan",
            summary = "Close an issued plan",
            description = "No more tasks or progress afterwards. Recorded as an amendment (optional reason) and"
                    + " published as partracker.plan.amended with status CLOSED. Needs If-Match with the ETag of the"
                    + " last read.")
    @APIResponse(
            responseCode = "200",
            description = "Closed",
            content = @Content(schema = @Schema(implementation = PlanResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(responseCode = "409", description = "Not an issued plan")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response close(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = "the plan's ETag from the last read") @HeaderParam("If-Match")
                    String ifMatch,
            @Parameter(description = "why the plan closes; recorded with the amendment") @QueryParam("reason")
                    String reason) {
        PlanResponse plan = plans.close(id, ifMatch, reason);
        return Response.ok(plan).tag(ETags.of(plan.version())).build();
    }

    @GET
    @Path("/{id}/amendments")
    @Operation(
            operationId = "listPlanAmendments",
            summary = "The recorded amendments of a plan",
            description = "Oldest first, with before and after.")
    @APIResponse(responseCode = "200", description = "The amendments")
    @APIResponse(responseCode = "404", description = "No such plan")
    public List<AmendmentResponse> amendments(@PathParam("id") UUID id) {
        return plans.amendments(id);
    }

    @POST
    @Path("/{id}/tasks")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createTask",
            summary = "Add a task to a plan",
            description = "The timeframe text is kept and its structure derived in the plan's year; a wording is"
                    + " never rejected (UNSTRUCTURED). On an ISSUED plan this is an amendment (amendmentReason"
                    + " required): the task's assignments are created and partracker.task.assigned published.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = TaskResponse.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Unknown agency, group, section or field")
    @APIResponse(responseCode = "404", description = "No such plan")
    @APIResponse(
            responseCode = "409",
            description = "Closed plan, issued plan without amendmentReason, or Idempotency-Key reused")
    public Response addTask(
            @PathParam("id") UUID planId,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull TaskRequest request) {
        IdempotentResult result =
                idempotency.execute(idempotencyKey, "POST /api/plans/" + planId + "/tasks", request, () -> {
                    TaskResponse created = tasks.create(planId, request);
                    return IdempotentResult.of(201, "/api/tasks/" + created.id(), created);
                });
        return result.toResponse();
    }

    @GET
    @Path("/{id}/tasks")
    @Operation(
            operationId = "listPlanTasks",
            summary = "List a plan's tasks",
            description = "Filters: sectionCode, field, leadAgencyId (named as lead or assigned through a group),"
                    + " status (of an assignment), dueFrom/dueTo (task due date).")
    @APIResponse(responseCode = "200", description = "One page of tasks, in plan order")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    @APIResponse(responseCode = "404", description = "No such plan")
    public Page<TaskResponse> listTasks(
            @PathParam("id") UUID planId,
            @QueryParam("sectionCode") String sectionCode,
            @QueryParam("field") String field,
            @QueryParam("leadAgencyId") String leadAgencyId,
            @QueryParam("status") String status,
            @QueryParam("dueFrom") String dueFrom,
            @QueryParam("dueTo") String dueTo,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String size) {
        return tasks.list(
                planId,
                sectionCode,
                field,
                QueryParams.uuid("leadAgencyId", leadAgencyId),
                QueryParams.enumValue("status", status, AssignmentStatus.class),
                QueryParams.date("dueFrom", dueFrom, null),
                QueryParams.date("dueTo", dueTo, null),
                PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size)));
    }
}
