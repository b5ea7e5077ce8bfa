package vn.partracker.indicators.rest;

import static vn.partracker.support.http.ApiHeaders.DISPOSITION_HEADER;
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
import vn.partracker.indicators.api.AppliedTargetResponse;
import vn.partracker.indicators.api.IndicatorImportDocument;
import vn.partracker.indicators.api.IndicatorImportResult;
import vn.partracker.indicators.api.IndicatorRequest;
import vn.partracker.indicators.api.IndicatorResponse;
import vn.partracker.indicators.service.IndicatorImportService;
import vn.partracker.indicators.service.IndicatorService;
import vn.partracker.indicators.service.TemplateService;
import vn.partracker.support.http.ETags;
import vn.partracker.support.http.LargeBody;
import vn.partracker.support.http.QueryParams;
import vn.partracker.support.idempotency.IdempotencyKeys;
import vn.partracker.support.idempotency.IdempotentResult;
import vn.partracker.support.paging.Page;
import vn.partracker.support.paging.PageRequest;

/** Indicator definitions over HTTP. Thin: shape is checked here, rules in {@link IndicatorService}. */
@Path("/api/indicators")
@Tag(name = "Indicators", description = "Indicators (chỉ tiêu) of a plan with their target rules")
@Produces(MediaType.APPLICATION_JSON)
public class IndicatorResource {

    private final IndicatorService service;
    private final IdempotencyKeys idempotency;
    private final TemplateService templates;
    private final IndicatorImportService imports;

    public IndicatorResource(
            IndicatorService service,
            IdempotencyKeys idempotency,
            TemplateService templates,
            IndicatorImportService imports) {
        this.service = service;
        this.idempotency = idempotency;
        this.templates = templates;
        this.imports = imports;
    }

    @POST
    @Path("/import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importIndicators",
            summary = "Import a plan's appendix of indicators",
            description = "All or nothing: plan by id or number, agencies by code, groups by code or name."
                    + " dryRun=true answers 200 with every problem and writes nothing. Accepts Idempotency-Key.")
    @APIResponse(
            responseCode = "201",
            description = "All indicators created",
            content = @Content(schema = @Schema(implementation = IndicatorImportResult.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "200",
            description = "Dry run: valid or not, with every problem",
            content = @Content(schema = @Schema(implementation = IndicatorImportResult.class)))
    @APIResponse(responseCode = "400", description = "The document has problems (all listed); nothing written")
    @APIResponse(
            responseCode = "409",
            description = "Every indicator exists already (repeated import), or Idempotency-Key reused")
    @LargeBody
    public Response importDocument(
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @QueryParam("dryRun") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String dryRun,
            @Valid @NotNull IndicatorImportDocument document) {
        if (QueryParams.bool("dryRun", dryRun, false)) {
            return Response.ok(imports.importDocument(document, true)).build();
        }
        IdempotentResult result = idempotency.execute(idempotencyKey, "POST /api/indicators/import", document, () -> {
            IndicatorImportResult created = imports.importDocument(document, false);
            return IdempotentResult.of(201, "/api/indicators?planId=" + created.planId(), created);
        });
        return result.toResponse();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createIndicator",
            summary = "Define an indicator",
            description = "Plan, agencies and groups must be known from the replicas. Publishes"
                    + " partracker.indicator.defined. Accepts Idempotency-Key.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = IndicatorResponse.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid definition; every field listed")
    @APIResponse(
            responseCode = "409",
            description = "Group and ordinal already used in the plan, or Idempotency-Key reused with another body")
    public Response create(
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull IndicatorRequest request) {
        IdempotentResult result = idempotency.execute(idempotencyKey, "POST /api/indicators", request, () -> {
            IndicatorResponse created = service.create(request);
            return IdempotentResult.of(201, "/api/indicators/" + created.id(), created);
        });
        return result.toResponse();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "updateIndicator",
            summary = "Replace an indicator's definition",
            description = "Needs If-Match with the ETag of the last read. Publishes partracker.indicator.defined.")
    @APIResponse(
            responseCode = "200",
            description = "Updated",
            content = @Content(schema = @Schema(implementation = IndicatorResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid definition")
    @APIResponse(responseCode = "404", description = "No such indicator")
    @APIResponse(responseCode = "409", description = "Group and ordinal already used by another indicator of the plan")
    @APIResponse(responseCode = "412", description = "If-Match is not the current version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    public Response update(
            @PathParam("id") UUID id,
            @Parameter(required = true, description = "the indicator's ETag from the last read")
                    @HeaderParam("If-Match")
                    String ifMatch,
            @Valid @NotNull IndicatorRequest request) {
        IndicatorResponse indicator = service.update(id, ifMatch, request);
        return Response.ok(indicator).tag(ETags.of(indicator.version())).build();
    }

    @GET
    @Path("/{id}")
    @Operation(
            operationId = "getIndicator",
            summary = "Get one indicator",
            description = "The ETag is the indicator's version, for If-Match.")
    @APIResponse(
            responseCode = "200",
            description = "The indicator",
            content = @Content(schema = @Schema(implementation = IndicatorResponse.class)),
            headers = @Header(name = "ETag", description = ETAG_HEADER, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such indicator")
    public Response get(@PathParam("id") UUID id) {
        IndicatorResponse indicator = service.get(id);
        return Response.ok(indicator).tag(ETags.of(indicator.version())).build();
    }

    @GET
    @Operation(
            operationId = "listIndicators",
            summary = "List indicators",
            description = "Filters: planId, group, q (accent- and case-insensitive: 'ho so dung han' finds"
                    + " 'hồ sơ … đúng hạn').")
    @APIResponse(responseCode = "200", description = "One page of indicators")
    @APIResponse(responseCode = "400", description = "Invalid paging")
    public Page<IndicatorResponse> list(
            @QueryParam("planId") String planId,
            @QueryParam("group") String group,
            @QueryParam("q") String q,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String size) {
        return service.list(
                QueryParams.uuid("planId", planId),
                group,
                q,
                PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size)));
    }

    @GET
    @Path("/{id}/target")
    @Operation(
            operationId = "getIndicatorTarget",
            summary = "The target that applies to an agency",
            description = "Most specific valid rule wins (agency > sector > kind > level > all). When no rule"
                    + " applies the answer is 200 with status NO_TARGET and the reason.")
    @APIResponse(responseCode = "200", description = "The applied rule and why, or NO_TARGET")
    @APIResponse(responseCode = "400", description = "agencyId missing or asOf not a date")
    @APIResponse(responseCode = "404", description = "No such indicator or agency")
    public AppliedTargetResponse target(
            @PathParam("id") UUID id,
            @Parameter(
                            required = true,
                            description = "The agency the target applies to",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("agencyId")
                    String agencyId,
            @Parameter(
                            description = "Date, ISO-8601; default today",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("asOf")
                    String asOf) {
        return service.target(id, QueryParams.requiredUuid("agencyId", agencyId), QueryParams.date("asOf", asOf));
    }

    @GET
    @Path("/template.xlsx")
    @Produces(ImportResource.XLSX)
    @Operation(
            operationId = "getMeasurementTemplate",
            summary = "XLSX form for an agency's figures",
            description = "One line per indicator of the plan the agency performs (matching the period's frequency"
                    + " when a period is given), pre-filled, Vietnamese headings.")
    @APIResponse(
            responseCode = "200",
            description = "The workbook",
            content =
                    @Content(
                            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers =
                    @Header(
                            name = "Content-Disposition",
                            description = DISPOSITION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "planId missing or unknown, unknown agency, malformed period")
    public Response template(
            @Parameter(
                            required = true,
                            description = "The plan whose indicators the form lists",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("planId")
                    String planId,
            @Parameter(
                            description = "Pre-fill for this agency",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("agencyId")
                    String agencyId,
            @Parameter(description = "Only indicators of this period's frequency", example = "2024-Q1")
                    @QueryParam("period")
                    String period) {
        byte[] workbook =
                templates.template(QueryParams.uuid("planId", planId), QueryParams.uuid("agencyId", agencyId), period);
        return Response.ok(workbook, ImportResource.XLSX)
                .header("Content-Disposition", "attachment; filename=\"bieu-mau-so-lieu.xlsx\"")
                .build();
    }
}
