package vn.partracker.reporting.rest;

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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.reporting.api.ExpectedAgenciesRequest;
import vn.partracker.reporting.api.RegimeImportRequest;
import vn.partracker.reporting.api.RegimeImportResult;
import vn.partracker.reporting.api.RegimePeriods;
import vn.partracker.reporting.api.RegimeRequest;
import vn.partracker.reporting.api.RegimeResponse;
import vn.partracker.reporting.service.ReportRegimeService;
import vn.partracker.support.http.ETags;
import vn.partracker.support.http.LargeBody;
import vn.partracker.support.http.QueryParams;
import vn.partracker.support.idempotency.IdempotencyKeys;
import vn.partracker.support.idempotency.IdempotentResult;
import vn.partracker.support.paging.Page;
import vn.partracker.support.paging.PageRequest;

/** Report regimes (chế độ báo cáo) and their expected reporters. Thin: rules live in {@link ReportRegimeService}. */
@Path("/api/report-regimes")
@Tag(name = "Report regimes", description = "What is reported, how often, to whom, by when, and by whom")
@Produces(MediaType.APPLICATION_JSON)
public class ReportRegimeResource {

    private final ReportRegimeService service;
    private final IdempotencyKeys idempotency;

    public ReportRegimeResource(ReportRegimeService service, IdempotencyKeys idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createReportRegime",
            summary = "Create a report regime",
            description = "Accepts an Idempotency-Key header.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = RegimeResponse.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid regime")
    @APIResponse(responseCode = "409", description = "Code already used, or Idempotency-Key reused with another body")
    public Response create(
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull RegimeRequest request) {
        IdempotentResult result = idempotency.execute(idempotencyKey, "POST /api/report-regimes", request, () -> {
            RegimeResponse created = service.create(request);
            return IdempotentResult.of(201, "/api/report-regimes/" + created.id(), created);
        });
        return result.toResponse();
    }

    @POST
    @Path("/import")
    @LargeBody
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importReportRegimes",
            summary = "Create several regimes with their expected reporters",
            description = "For demo data and configuration as code: regimes whose code exists are left unchanged."
                    + " Accepts an Idempotency-Key header.")
    @APIResponse(
            responseCode = "200",
            description = "What was created and what already existed",
            content = @Content(schema = @Schema(implementation = RegimeImportResult.class)))
    @APIResponse(responseCode = "400", description = "An invalid entry; nothing is created")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body")
    public Response importRegimes(
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull RegimeImportRequest request) {
        IdempotentResult result =
                idempotency.execute(idempotencyKey, "POST /api/report-regimes/import", request, () -> {
                    RegimeImportResult imported = service.importRegimes(request);
                    return IdempotentResult.of(200, null, imported);
                });
        return result.toResponse();
    }

    @GET
    @Operation(
            operationId = "listReportRegimes",
            summary = "List report regimes",
            description = "q is accent- and case-insensitive.")
    @APIResponse(responseCode = "200", description = "One page of regimes")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    public Page<RegimeResponse> list(
            @QueryParam("q") String q,
            @Parameter(
                            description = "Page number from 0",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
                    @QueryParam("page")
                    String page,
            @Parameter(
                            description = "Page size, 1 to 500",
                            schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
                    @QueryParam("size")
                    String size) {
        return service.list(q, PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size)));
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getReportRegime",
            summary = "Get one report regime",
            description = "The ETag is the regime's version, for If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The regime",
            content = @Content(schema = @Schema(implementation = RegimeResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such regime")
    public Response get(@PathParam("id") UUID id) {
        RegimeResponse regime = service.get(id);
        return Response.ok(regime).tag(ETags.of(regime.version())).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateReportRegime",
            summary = "Update a report regime",
            description = "Needs If-Match with the ETag of the last read.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = RegimeResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid regime")
    @APIResponse(responseCode = "404", description = "No such regime")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = "the regime's ETag from the last read") @HeaderParam("If-Match")
                    String ifMatch,
            @Valid @NotNull RegimeRequest request) {
        RegimeResponse regime = service.update(id, ifMatch, request);
        return Response.ok(regime).tag(ETags.of(regime.version())).build();
    }

    @POST
    @Path("/{id}/expected-agencies")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "addExpectedAgencies",
            summary = "Add expected reporters",
            description = "Agencies or groups (by id or code) expected to send the report from validFrom to validTo."
                    + " Accepts an Idempotency-Key header.")
    @APIResponse(
            responseCode = "201",
            description = "The expectations created",
            content =
                    @Content(
                            schema =
                                    @Schema(
                                            type = SchemaType.ARRAY,
                                            implementation = RegimeResponse.ExpectedAgencyResponse.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid expectations")
    @APIResponse(responseCode = "404", description = "No such regime")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body")
    public Response addExpected(
            @PathParam("id") UUID id,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid @NotNull ExpectedAgenciesRequest request) {
        IdempotentResult result = idempotency.execute(
                idempotencyKey,
                "POST /api/report-regimes/" + id + "/expected-agencies",
                request,
                () -> IdempotentResult.of(201, "/api/report-regimes/" + id, service.addExpected(id, request)));
        return result.toResponse();
    }

    @GET
    @Path("/{id}/periods")
    @Operation(
            operationId = "listRegimePeriods",
            summary = "Periods of a year with cut-off windows and deadlines",
            description = "Deadlines per level are the window's last day plus the level's offset.")
    @APIResponse(responseCode = "200", description = "The periods")
    @APIResponse(responseCode = "400", description = "Missing or invalid year")
    @APIResponse(responseCode = "404", description = "No such regime")
    public RegimePeriods periods(
            @PathParam("id") UUID id,
            @Parameter(description = "Calendar year", schema = @Schema(type = SchemaType.INTEGER, format = "int32"))
                    @QueryParam("year")
                    String year) {
        return service.periods(id, QueryParams.integer("year", year));
    }
}
