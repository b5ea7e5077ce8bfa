package vn.partracker.plans.rest;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.plans.api.AgencyImportDocument;
import vn.partracker.plans.api.AgencyImportReport;
import vn.partracker.plans.service.AgencyImportService;
import vn.partracker.support.http.LargeBody;
import vn.partracker.support.http.QueryParams;
import vn.partracker.support.idempotency.IdempotencyKeys;
import vn.partracker.support.idempotency.IdempotentResult;

/** Bulk import of the agency directory, as JSON (with optional groups) or CSV. */
@Path("/api/agencies/import")
@Tag(name = "Agencies")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyImportResource {

    private static final String CSV = "text/csv";

    private final AgencyImportService service;
    private final IdempotencyKeys idempotency;

    public AgencyImportResource(AgencyImportService service, IdempotencyKeys idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importAgencies",
            summary = "Import agencies (JSON)",
            description = "An array of rows {code, name, shortName, kind, level, parentCode, sectors, validFrom,"
                    + " validTo, predecessorCodes, parentChangedOn}, or {\"agencies\": [...], \"groups\": [{code,"
                    + " name, kinds, levels, ancestorCode, agencyCodes}]}. Idempotent by code: a known code is"
                    + " updated or left unchanged. All or nothing: any problem rejects the whole document with"
                    + " every problem listed (rows[n].field, n from 1). dryRun=true only reports.")
    @APIResponse(
            responseCode = "200",
            description = "Imported (or, with dryRun, checked); counts per outcome",
            content = @Content(schema = @Schema(implementation = AgencyImportReport.class)))
    @APIResponse(responseCode = "400", description = "Problems in the document; nothing was imported")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body")
    @LargeBody
    public Response importJson(
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @QueryParam("dryRun") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String dryRun,
            @RequestBody(
                            required = true,
                            description = "The directory: agencies and, optionally, groups. A bare array of agency"
                                    + " rows (the agencies alone) is also accepted.",
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = AgencyImportDocument.class)))
                    JsonNode document) {
        if (QueryParams.bool("dryRun", dryRun, false)) {
            return Response.ok(service.importJson(document, true)).build();
        }
        IdempotentResult result = idempotency.execute(idempotencyKey, "POST /api/agencies/import", document, () -> {
            AgencyImportReport report = service.importJson(document, false);
            return IdempotentResult.of(200, null, report);
        });
        return result.toResponse();
    }

    @POST
    @Consumes(CSV)
    @Operation(
            operationId = "importAgencies",
            summary = "Import agencies (CSV)",
            description = "A header row naming the columns (code, name, shortName, kind, level, parentCode, sectors,"
                    + " validFrom, validTo, predecessorCodes, parentChangedOn; any order), lists separated by ';'."
                    + " Same rules as the JSON import; rows[n] is the n-th data row after the header.")
    @APIResponse(
            responseCode = "200",
            description = "Imported (or, with dryRun, checked); counts per outcome",
            content = @Content(schema = @Schema(implementation = AgencyImportReport.class)))
    @APIResponse(responseCode = "400", description = "Problems in the document; nothing was imported")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body")
    @LargeBody
    public Response importCsv(
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @QueryParam("dryRun") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String dryRun,
            String text) {
        if (QueryParams.bool("dryRun", dryRun, false)) {
            return Response.ok(service.importCsv(text, true)).build();
        }
        IdempotentResult result = idempotency.execute(
                idempotencyKey,
                "POST /api/agencies/import",
                IdempotencyKeys.sha256(text == null ? "" : text),
                () -> IdempotentResult.of(200, null, service.importCsv(text, false)));
        return result.toResponse();
    }
}
