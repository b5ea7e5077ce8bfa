package vn.partracker.indicators.rest;

import static vn.partracker.support.http.ApiHeaders.ETAG_HEADER;
import static vn.partracker.support.http.ApiHeaders.LOCATION_HEADER;

import com.fasterxml.jackson.databind.ObjectMapper;
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
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.indicators.api.ImportRejection;
import vn.partracker.indicators.api.ImportSummary;
import vn.partracker.indicators.api.MeasurementRequest;
import vn.partracker.indicators.api.MeasurementResponse;
import vn.partracker.indicators.api.MeasurementRow;
import vn.partracker.indicators.api.MeasurementUpdateRequest;
import vn.partracker.indicators.api.ReviewRequest;
import vn.partracker.indicators.api.ReviewResponse;
import vn.partracker.indicators.api.RevisionResponse;
import vn.partracker.indicators.domain.lifecycle.MeasurementStatus;
import vn.partracker.indicators.service.CsvRowSource;
import vn.partracker.indicators.service.ImportService;
import vn.partracker.indicators.service.JsonRowSource;
import vn.partracker.indicators.service.MeasurementService;
import vn.partracker.indicators.service.RowSource;
import vn.partracker.indicators.service.XlsxRowSource;
import vn.partracker.support.http.ETags;
import vn.partracker.support.http.LargeBody;
import vn.partracker.support.http.QueryParams;
import vn.partracker.support.idempotency.IdempotencyKeys;
import vn.partracker.support.idempotency.IdempotentResult;
import vn.partracker.support.paging.Page;
import vn.partracker.support.paging.PageRequest;
import vn.partracker.support.problem.Problem;

/** Figures (số liệu) over HTTP: submission, revisions and review. Rules live in {@link MeasurementService}. */
@Path("/api/measurements")
@Tag(name = "Measurements", description = "Figures agencies submit per indicator and period, with their review")
@Produces(MediaType.APPLICATION_JSON)
public class MeasurementResource {

    private final MeasurementService service;
    private final IdempotencyKeys idempotency;
    private final ImportService imports;
    private final ObjectMapper mapper;

    public MeasurementResource(
            MeasurementService service, IdempotencyKeys idempotency, ImportService imports, ObjectMapper mapper) {
        this.service = service;
        this.idempotency = idempotency;
        this.imports = imports;
        this.mapper = mapper;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "submitMeasurement",
            summary = "Submit a figure",
            description = "One figure per indicator, agency and period; the answer carries the computed value and"
                    + " the achievement. Publishes partracker.measurement.submitted. Accepts Idempotency-Key.")
    @APIResponse(
            responseCode = "201",
            description = "Submitted (revision 1, status SUBMITTED)",
            content = @Content(schema = @Schema(implementation = MeasurementResponse.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "400",
            description = "Invalid figure, unknown indicator or agency, wrong period, agency not performing")
    @APIResponse(responseCode = "403", description = "The figure's agency is not the caller's (nor under it)")
    @APIResponse(
            responseCode = "409",
            description = "Figure exists already (use PUT), period locked (lockReason), or Idempotency-Key reused")
    public Response submit(
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull MeasurementRequest request) {
        IdempotentResult result = idempotency.execute(idempotencyKey, "POST /api/measurements", request, () -> {
            MeasurementService.Submitted created = service.submit(request);
            return IdempotentResult.of(
                    201, "/api/measurements/" + created.figure().id(), created.json());
        });
        return result.toResponse();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "reviseMeasurement",
            summary = "Revise a figure",
            description = "Makes a new revision (the old one is kept). A RETURNED figure becomes SUBMITTED again;"
                    + " an APPROVED one must be reopened first. Needs If-Match. Publishes"
                    + " partracker.measurement.revised.")
    @APIResponse(
            responseCode = "200",
            description = "The new revision",
            content = @Content(schema = @Schema(implementation = MeasurementResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid figure")
    @APIResponse(responseCode = "403", description = "The figure's agency is not the caller's (nor under it)")
    @APIResponse(responseCode = "404", description = "No such figure")
    @APIResponse(responseCode = "409", description = "Figure approved, or period locked (lockReason)")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response revise(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = "the figure's ETag from the last read") @HeaderParam("If-Match")
                    String ifMatch,
            @Valid @NotNull MeasurementUpdateRequest request) {
        MeasurementResponse revised = service.revise(id, ifMatch, request);
        return Response.ok(revised).tag(ETags.of(revised.version())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getMeasurement",
            summary = "Get one figure",
            description = "With computed value and achievement; ETag = version.")
    @APIResponse(
            responseCode = "200",
            description = "The figure",
            content = @Content(schema = @Schema(implementation = MeasurementResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such figure")
    public Response get(@PathParam("id") UUID id) {
        MeasurementResponse figure = service.get(id);
        return Response.ok(figure).tag(ETags.of(figure.version())).build();
    }

    @GET
    @Operation(
            operationId = "listMeasurements",
            summary = "List figures",
            description = "Filters: indicatorId, agencyId, period, status.")
    @APIResponse(responseCode = "200", description = "One page of figures")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<MeasurementResponse> list(
            @QueryParam("indicatorId") String indicatorId,
            @QueryParam("agencyId") String agencyId,
            @QueryParam("period") String period,
            @QueryParam("status") String status,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String size) {
        return service.list(
                QueryParams.uuid("indicatorId", indicatorId),
                QueryParams.uuid("agencyId", agencyId),
                period,
                QueryParams.enumValue("status", status, MeasurementStatus.class),
                PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size)));
    }

    @GET
    @Path("/{id}/revisions")
    @Operation(
            operationId = "listMeasurementRevisions",
            summary = "Revisions of a figure",
            description = "Oldest first; nothing is ever overwritten.")
    @APIResponse(responseCode = "200", description = "The revisions")
    @APIResponse(responseCode = "404", description = "No such figure")
    public List<RevisionResponse> revisions(@PathParam("id") UUID id) {
        return service.revisions(id);
    }

    @GET
    @Path("/{id}/reviews")
    @Operation(
            operationId = "listMeasurementReviews",
            summary = "Review decisions on a figure",
            description = "Approvals, returns and reopenings.")
    @APIResponse(responseCode = "200", description = "The decisions, oldest first")
    @APIResponse(responseCode = "404", description = "No such figure")
    public List<ReviewResponse> reviews(@PathParam("id") UUID id) {
        return service.reviews(id);
    }

    @POST
    @Path("/{id}/approve")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "approveMeasurement",
            summary = "Approve a figure",
            description = "SUBMITTED → APPROVED, by the indicator's evaluating agency: the token's agency (an"
                    + " admin may name reviewerAgencyId). Publishes partracker.measurement.approved.")
    @APIResponse(
            responseCode = "200",
            description = "Approved",
            content = @Content(schema = @Schema(implementation = MeasurementResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "403", description = "The caller's agency is not the indicator's evaluating agency")
    @APIResponse(responseCode = "404", description = "No such figure")
    @APIResponse(responseCode = "409", description = "Figure is not SUBMITTED")
    public Response approve(@PathParam("id") UUID id, @Valid @NotNull ReviewRequest request) {
        return reviewed(service.approve(id, request));
    }

    @POST
    @Path("/{id}/return")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "returnMeasurement",
            summary = "Return a figure to its agency",
            description = "SUBMITTED → RETURNED with a reason; the agency's next PUT makes it SUBMITTED again."
                    + " Publishes partracker.measurement.returned.")
    @APIResponse(
            responseCode = "200",
            description = "Returned",
            content = @Content(schema = @Schema(implementation = MeasurementResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "reason missing")
    @APIResponse(responseCode = "403", description = "The caller's agency is not the indicator's evaluating agency")
    @APIResponse(responseCode = "404", description = "No such figure")
    @APIResponse(responseCode = "409", description = "Figure is not SUBMITTED")
    public Response returnToAgency(@PathParam("id") UUID id, @Valid @NotNull ReviewRequest request) {
        return reviewed(service.returnToAgency(id, request));
    }

    @POST
    @Path("/{id}/reopen")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "reopenMeasurement",
            summary = "Reopen an approved figure",
            description = "APPROVED → SUBMITTED with a recorded reason, so it can be revised. Publishes"
                    + " partracker.measurement.reopened.")
    @APIResponse(
            responseCode = "200",
            description = "Reopened",
            content = @Content(schema = @Schema(implementation = MeasurementResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "reason missing")
    @APIResponse(responseCode = "403", description = "The caller's agency is not the indicator's evaluating agency")
    @APIResponse(responseCode = "404", description = "No such figure")
    @APIResponse(responseCode = "409", description = "Figure is not APPROVED")
    public Response reopen(@PathParam("id") UUID id, @Valid @NotNull ReviewRequest request) {
        return reviewed(service.reopen(id, request));
    }

    private static Response reviewed(MeasurementResponse figure) {
        return Response.ok(figure).tag(ETags.of(figure.version())).build();
    }

    @POST
    @Path("/batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "submitMeasurementBatch",
            summary = "Import figures from a JSON array",
            description = "Up to 100,000 MeasurementRow objects, read as a stream. mode=all-or-nothing (default)"
                    + " or valid-rows; dryRun=true checks without writing; async=true answers 202 at once and"
                    + " reports progress at /api/imports/{id}. Existing figures get a new revision when the row"
                    + " differs and count as unchanged when equal, so re-sending is harmless.")
    @RequestBody(content = @Content(schema = @Schema(implementation = MeasurementRow[].class)))
    @APIResponse(
            responseCode = "200",
            description = "Imported (or checked, with dryRun)",
            content = @Content(schema = @Schema(implementation = ImportSummary.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "202",
            description = "Accepted for a background import (async=true)",
            content = @Content(schema = @Schema(implementation = ImportSummary.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Body unreadable, more than 100,000 rows, or invalid mode")
    @APIResponse(
            responseCode = "503",
            description = "async=true and the background import queue is full; send the file again later")
    @APIResponse(
            responseCode = "422",
            description = "all-or-nothing with rejected rows: nothing written; problem details (type"
                    + " .../import-rejected) carrying the summary's fields, the problems listed in rejected",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ImportRejection.class)))
    @LargeBody
    public Response batch(
            InputStream body,
            @QueryParam("mode") String mode,
            @QueryParam("dryRun") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String dryRun,
            @QueryParam("async") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String async,
            @Context UriInfo uri) {
        return run("JSON", mode, dryRun, async, uri, body, in -> new JsonRowSource(mapper, in));
    }

    @POST
    @Path("/import")
    @Consumes(ImportResource.CSV)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importMeasurements",
            summary = "Import figures from CSV",
            description = "UTF-8, comma or semicolon separated, first line = headings of the XLSX template (or the"
                    + " JSON field names). Same modes and answers as /api/measurements/batch.")
    @APIResponse(
            responseCode = "200",
            description = "Imported",
            content = @Content(schema = @Schema(implementation = ImportSummary.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "202",
            description = "Accepted for a background import (async=true)",
            content = @Content(schema = @Schema(implementation = ImportSummary.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "File unreadable")
    @APIResponse(
            responseCode = "503",
            description = "async=true and the background import queue is full; send the file again later")
    @APIResponse(
            responseCode = "422",
            description = "all-or-nothing with rejected rows: problem details carrying the summary",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ImportRejection.class)))
    @LargeBody
    public Response importCsv(
            InputStream body,
            @QueryParam("mode") String mode,
            @QueryParam("dryRun") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String dryRun,
            @QueryParam("async") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String async,
            @Context UriInfo uri) {
        return run("CSV", mode, dryRun, async, uri, body, CsvRowSource::new);
    }

    @POST
    @Path("/import")
    @Consumes(ImportResource.XLSX)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importMeasurements",
            summary = "Import figures from XLSX",
            description = "The first sheet, headings in the first row (as in /api/indicators/template.xlsx). Same"
                    + " modes and answers as /api/measurements/batch.")
    @APIResponse(
            responseCode = "200",
            description = "Imported",
            content = @Content(schema = @Schema(implementation = ImportSummary.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "202",
            description = "Accepted for a background import (async=true)",
            content = @Content(schema = @Schema(implementation = ImportSummary.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Not an XLSX workbook")
    @APIResponse(
            responseCode = "503",
            description = "async=true and the background import queue is full; send the file again later")
    @APIResponse(
            responseCode = "422",
            description = "all-or-nothing with rejected rows: problem details carrying the summary",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(implementation = ImportRejection.class)))
    @LargeBody
    public Response importXlsx(
            InputStream body,
            @QueryParam("mode") String mode,
            @QueryParam("dryRun") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String dryRun,
            @QueryParam("async") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String async,
            @Context UriInfo uri) {
        return run("XLSX", mode, dryRun, async, uri, body, XlsxRowSource::new);
    }

    private Response run(
            String kind,
            String mode,
            String dryRunText,
            String asyncText,
            UriInfo uri,
            InputStream body,
            Function<InputStream, RowSource> reader) {
        ImportService.Mode parsed = ImportService.Mode.parse(mode);
        boolean dryRun = QueryParams.bool("dryRun", dryRunText, false);
        boolean async = QueryParams.bool("async", asyncText, false);
        if (async) {
            ImportSummary started = imports.importLater(kind, parsed, dryRun, body, reader);
            return Response.accepted(started)
                    .location(URI.create("/api/imports/" + started.id()))
                    .type(MediaType.APPLICATION_JSON)
                    .build();
        }
        ImportSummary outcome = imports.importNow(kind, parsed, dryRun, reader.apply(body));
        if ("REJECTED".equals(outcome.status())) {
            return Response.status(ImportRejection.STATUS)
                    .entity(ImportRejection.of(outcome, "/" + uri.getPath().replaceFirst("^/", "")))
                    .location(URI.create("/api/imports/" + outcome.id()))
                    .type(Problem.MEDIA_TYPE)
                    .build();
        }
        return Response.ok(outcome)
                .location(URI.create("/api/imports/" + outcome.id()))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
