package vn.partracker.plans.rest;

import static vn.partracker.support.http.ApiHeaders.LOCATION_HEADER;

import jakarta.validation.constraints.NotNull;
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
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.plans.api.PlanImportDocument;
import vn.partracker.plans.api.PlanImportReport;
import vn.partracker.plans.service.PlanImportService;
import vn.partracker.support.http.LargeBody;
import vn.partracker.support.http.QueryParams;
import vn.partracker.support.idempotency.IdempotencyKeys;
import vn.partracker.support.idempotency.IdempotentResult;

/** A whole plan in one document, as another government system sends it. */
@Path("/api/plans/import")
@Tag(name = "Plans")
@Produces(MediaType.APPLICATION_JSON)
public class PlanImportResource {

    private final PlanImportService service;
    private final IdempotencyKeys idempotency;

    public PlanImportResource(PlanImportService service, IdempotencyKeys idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "importPlan",
            summary = "Import a plan with its sections and tasks",
            description = "Agencies by code ({\"agency\": \"KT.SNV\"}), groups by code or name ({\"group\": \"UBND"
                    + " cấp huyện\"}). All or nothing. dryRun=true reports every problem (path, field, message) and"
                    + " writes nothing; \"issue\": true issues the plan at once (assignments expanded on issuedOn).")
    @APIResponse(
            responseCode = "201",
            description = "Imported",
            content = @Content(schema = @Schema(implementation = PlanImportReport.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(
            responseCode = "200",
            description = "Dry run: the report, valid or not",
            content = @Content(schema = @Schema(implementation = PlanImportReport.class)))
    @APIResponse(responseCode = "400", description = "Problems in the document; nothing was imported")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body")
    @LargeBody
    public Response importPlan(
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @QueryParam("dryRun") @Parameter(schema = @Schema(type = SchemaType.BOOLEAN)) String dryRun,
            @NotNull PlanImportDocument document) {
        if (QueryParams.bool("dryRun", dryRun, false)) {
            return Response.ok(service.importPlan(document, true)).build();
        }
        IdempotentResult result = idempotency.execute(idempotencyKey, "POST /api/plans/import", document, () -> {
            PlanImportReport report = service.importPlan(document, false);
            return IdempotentResult.of(201, "/api/plans/" + report.planId(), report);
        });
        return result.toResponse();
    }
}
