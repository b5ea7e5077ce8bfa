package vn.partracker.plans.rest;

import static vn.partracker.support.http.ApiHeaders.ETAG_HEADER;
import static vn.partracker.support.http.ApiHeaders.LOCATION_HEADER;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import vn.partracker.plans.api.AgencyMoveRequest;
import vn.partracker.plans.api.AgencyRequest;
import vn.partracker.plans.api.AgencyResponse;
import vn.partracker.plans.domain.AgencyKind;
import vn.partracker.plans.service.AgencyService;
import vn.partracker.support.http.ETags;
import vn.partracker.support.http.QueryParams;
import vn.partracker.support.idempotency.IdempotencyKeys;
import vn.partracker.support.idempotency.IdempotentResult;
import vn.partracker.support.paging.Page;
import vn.partracker.support.paging.PageRequest;

/** The agency directory over HTTP. Thin: validation of shape here, rules in {@link AgencyService}. */
@Path("/api/agencies")
@Tag(name = "Agencies", description = "The agency directory and its hierarchy over time")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyResource {

    private final AgencyService service;
    private final IdempotencyKeys idempotency;

    public AgencyResource(AgencyService service, IdempotencyKeys idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createAgency",
            summary = "Create an agency",
            description = "parentId is the parent from validFrom. Publishes partracker.agency.upserted.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = AgencyResponse.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid agency: unknown level or parent, validTo before validFrom, parent not valid then")
    @APIResponse(responseCode = "409", description = "Code already used, or Idempotency-Key reused with another body")
    @APIResponse(responseCode = "415", description = "Not JSON")
    public Response create(
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull AgencyRequest request) {
        IdempotentResult result = idempotency.execute(idempotencyKey, "POST /api/agencies", request, () -> {
            AgencyResponse created = service.create(request);
            return IdempotentResult.of(201, "/api/agencies/" + created.id(), created);
        });
        return result.toResponse();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateAgency",
            summary = "Update an agency",
            description = "Needs If-Match with the ETag of the last read. A new parentId with parentChangedOn moves"
                    + " the agency from that day and keeps its earlier history; without parentChangedOn it corrects"
                    + " the parent of an agency that never moved. Publishes partracker.agency.upserted.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = AgencyResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid agency, or a parent that would make a cycle on that day")
    @APIResponse(responseCode = "404", description = "No such agency")
    @APIResponse(responseCode = "409", description = "validTo would leave child agencies without a parent")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = "the agency's ETag from the last read") @HeaderParam("If-Match")
                    String ifMatch,
            @Valid @NotNull AgencyRequest request) {
        AgencyResponse agency = service.update(id, ifMatch, request);
        return Response.ok(agency).tag(ETags.of(agency.version())).build();
    }

    @POST
    @Path("/{id}/moves")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "moveAgency",
            summary = "Move an agency under another parent from a day on",
            description = "The history before 'from' is kept, so the hierarchy on earlier dates is unchanged"
                    + " (e.g. the communes of an abolished district move under the province from 2025-07-01)."
                    + " parentId null makes the agency a root. Publishes partracker.agency.upserted. Needs If-Match"
                    + " with the ETag of the last read.")
    @APIResponse(
            responseCode = "200",
            description = "The agency with its new parent history, as of 'from'",
            content = @Content(schema = @Schema(implementation = AgencyResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "400",
            description = "Unknown parent, parent not valid then, 'from' outside the agency's validity, or a cycle")
    @APIResponse(responseCode = "404", description = "No such agency")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response move(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = "the agency's ETag from the last read") @HeaderParam("If-Match")
                    String ifMatch,
            @Valid @NotNull AgencyMoveRequest request) {
        AgencyResponse agency = service.move(id, ifMatch, request);
        return Response.ok(agency).tag(ETags.of(agency.version())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getAgency",
            summary = "Get one agency",
            description = "parentId is the parent on asOf (default today). The ETag is the version, for If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The agency",
            content = @Content(schema = @Schema(implementation = AgencyResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid asOf")
    @APIResponse(responseCode = "404", description = "No such agency")
    public Response get(
            @PathParam("id") UUID id,
            @Parameter(description = "date (YYYY-MM-DD), default today") @QueryParam("asOf") String asOf) {
        AgencyResponse agency = service.get(id, QueryParams.date("asOf", asOf, LocalDate.now()));
        return Response.ok(agency).tag(ETags.of(agency.version())).build();
    }

    @GET
    @Operation(
            operationId = "listAgencies",
            summary = "List agencies valid on a date",
            description = "Filters: asOf (default today), level, kind, parentId (the parent on asOf), q (accent- and"
                    + " case-insensitive: 'so noi vu' finds 'Sở Nội vụ').")
    @APIResponse(responseCode = "200", description = "One page of agencies")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<AgencyResponse> list(
            @QueryParam("asOf") String asOf,
            @QueryParam("level") String level,
            @QueryParam("kind") String kind,
            @QueryParam("parentId") String parentId,
            @QueryParam("q") String q,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String size) {
        return service.list(
                QueryParams.date("asOf", asOf, LocalDate.now()),
                level,
                QueryParams.enumValue("kind", kind, AgencyKind.class),
                QueryParams.uuid("parentId", parentId),
                q,
                PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size)));
    }

    @GET
    @Path("/{id}/children")
    @Operation(
            operationId = "listAgencyChildren",
            summary = "The agencies directly under one agency on a date",
            description = "asOf default today.")
    @APIResponse(responseCode = "200", description = "One page of child agencies")
    @APIResponse(responseCode = "400", description = "Invalid asOf or paging")
    @APIResponse(responseCode = "404", description = "No such agency")
    public Page<AgencyResponse> children(
            @PathParam("id") UUID id,
            @QueryParam("asOf") String asOf,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String size) {
        return service.children(
                id,
                QueryParams.date("asOf", asOf, LocalDate.now()),
                PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size)));
    }

    @GET
    @Path("/{id}/ancestors")
    @Operation(
            operationId = "listAgencyAncestors",
            summary = "The ancestors of one agency on a date",
            description = "Parent first, up to the root.")
    @APIResponse(responseCode = "200", description = "The ancestors")
    @APIResponse(responseCode = "400", description = "Invalid asOf")
    @APIResponse(responseCode = "404", description = "No such agency")
    public List<AgencyResponse> ancestors(@PathParam("id") UUID id, @QueryParam("asOf") String asOf) {
        return service.ancestors(id, QueryParams.date("asOf", asOf, LocalDate.now()));
    }
}
