package vn.partracker.plans.rest;

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
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.plans.service.AgencyService;
import vn.partracker.support.http.ETags;
import vn.partracker.support.idempotency.IdempotencyKeys;
import vn.partracker.support.idempotency.IdempotentResult;
import vn.partracker.support.paging.Page;
import vn.partracker.support.paging.PageRequest;
import vn.partracker.support.problem.Problem;

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
    @Operation(summary = "Create an agency", description = "Publishes partracker.agency.upserted.")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(
            responseCode = "400",
            description = "Invalid agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "409",
            description = "Code already used, or Idempotency-Key reused with another body",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull AgencyRequest request) {
        IdempotentResult result = idempotency.execute(idempotencyKey, "POST /api/agencies", request, () -> {
            AgencyResponse created = service.create(request);
            return IdempotentResult.of(201, "/api/agencies/" + created.id(), created);
        });
        return Response.status(result.status())
                .location(URI.create(result.location()))
                .entity(result.body())
                .type(MediaType.APPLICATION_JSON)
                .build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Update an agency", description = "Needs If-Match with the ETag of the last read.")
    @APIResponse(responseCode = "200", description = "Updated")
    @APIResponse(
            responseCode = "400",
            description = "Invalid agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "412",
            description = "If-Match is not the current version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(
            responseCode = "428",
            description = "If-Match missing",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response update(
            @PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @Valid @NotNull AgencyRequest request) {
        AgencyResponse agency = service.update(id, ifMatch, request);
        return Response.ok(agency).tag(ETags.of(agency.version())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "Get one agency", description = "The ETag is the agency's version, for If-Match.")
    @APIResponse(responseCode = "200", description = "The agency")
    @APIResponse(
            responseCode = "404",
            description = "No such agency",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response get(@PathParam("id") UUID id) {
        AgencyResponse agency = service.get(id);
        return Response.ok(agency).tag(ETags.of(agency.version())).build();
    }

    @GET
    @Operation(
            summary = "List agencies",
            description = "q is accent- and case-insensitive: 'so noi vu' finds 'Sở Nội vụ'.")
    @APIResponse(responseCode = "200", description = "One page of agencies")
    @APIResponse(
            responseCode = "400",
            description = "Invalid paging",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Page<AgencyResponse> list(
            @QueryParam("q") String q, @QueryParam("page") Integer page, @QueryParam("size") Integer size) {
        return service.list(q, PageRequest.of(page, size));
    }
}
