package vn.partracker.plans.rest;

import static vn.partracker.support.http.ApiHeaders.ETAG_HEADER;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.plans.api.AgencyResponse;
import vn.partracker.plans.api.GroupRequest;
import vn.partracker.plans.api.GroupResponse;
import vn.partracker.plans.service.AgencyGroupService;
import vn.partracker.support.http.ETags;
import vn.partracker.support.http.QueryParams;
import vn.partracker.support.idempotency.IdempotencyKeys;
import vn.partracker.support.idempotency.IdempotentResult;
import vn.partracker.support.paging.Page;
import vn.partracker.support.paging.PageRequest;

/** Agency groups ("Các sở, ban ngành", "UBND cấp xã") and their members at a date. */
@Path("/api/agency-groups")
@Tag(name = "Agency groups", description = "Named rules that expand to concrete agencies at a date")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyGroupResource {

    private final AgencyGroupService service;
    private final IdempotencyKeys idempotency;

    public AgencyGroupResource(AgencyGroupService service, IdempotencyKeys idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createAgencyGroup",
            summary = "Create an agency group",
            description = "Members on a date: the agencies listed in agencyIds, or meeting every criterion given"
                    + " (kinds, levels, below ancestorId). Publishes partracker.agency-group.upserted.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = GroupResponse.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Unknown kind, level or agency, or a rule that names nothing")
    @APIResponse(responseCode = "409", description = "Code already used, or Idempotency-Key reused with another body")
    public Response create(
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull GroupRequest request) {
        IdempotentResult result = idempotency.execute(idempotencyKey, "POST /api/agency-groups", request, () -> {
            GroupResponse created = service.create(request);
            return IdempotentResult.of(201, "/api/agency-groups/" + created.id(), created);
        });
        return result.toResponse();
    }

    @GET
    @Operation(
            operationId = "listAgencyGroups",
            summary = "List agency groups",
            description = "q is accent- and case-insensitive.")
    @APIResponse(responseCode = "200", description = "One page of groups")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    public Page<GroupResponse> list(
            @QueryParam("q") String q,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String size) {
        return service.list(q, PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size)));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getAgencyGroup",
            summary = "Get one agency group",
            description = "A named set of agencies and its membership rule (agency kinds, levels, an ancestor, or"
                    + " listed agencies), e.g. the provincial departments, that tasks and indicators name instead of"
                    + " listing agencies; the ETag is the If-Match of its update.")
    @APIResponse(
            responseCode = "200",
            description = "The group",
            content = @Content(schema = @Schema(implementation = GroupResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such group")
    public Response get(@PathParam("id") UUID id) {
        GroupResponse group = service.get(id);
        return Response.ok(group).tag(ETags.of(group.version())).build();
    }

    @GET
    @Path("/{id}/members")
    @Operation(
            operationId = "listAgencyGroupMembers",
            summary = "The members of a group on a date",
            description = "asOf default today; expanded against the hierarchy valid that day.")
    @APIResponse(responseCode = "200", description = "One page of member agencies")
    @APIResponse(responseCode = "400", description = "Invalid asOf or paging")
    @APIResponse(responseCode = "404", description = "No such group")
    public Page<AgencyResponse> members(
            @PathParam("id") UUID id,
            @QueryParam("asOf") String asOf,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String size) {
        return service.members(
                id,
                QueryParams.date("asOf", asOf, LocalDate.now()),
                PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size)));
    }
}
