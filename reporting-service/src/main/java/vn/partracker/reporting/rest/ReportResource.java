package vn.partracker.reporting.rest;

import static vn.partracker.support.http.ApiHeaders.DISPOSITION_HEADER;
import static vn.partracker.support.http.ApiHeaders.LOCATION_HEADER;

import jakarta.validation.Valid;
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
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.reporting.api.CompletenessReport;
import vn.partracker.reporting.api.FinalizeRequest;
import vn.partracker.reporting.api.IndicatorReport;
import vn.partracker.reporting.api.PeriodicReport;
import vn.partracker.reporting.api.TaskReport;
import vn.partracker.reporting.service.CompletenessService;
import vn.partracker.reporting.service.IndicatorReportService;
import vn.partracker.reporting.service.PeriodicReportService;
import vn.partracker.reporting.service.TaskReportService;
import vn.partracker.reporting.service.export.ReportExports;
import vn.partracker.support.http.QueryParams;
import vn.partracker.support.idempotency.IdempotencyKeys;
import vn.partracker.support.idempotency.IdempotentResult;

/** Indicator, task and completeness reports computed from the persisted aggregates and replicas. */
@Path("/api/reports")
@Tag(name = "Reports", description = "Aggregated figures, task progress, completeness and timeliness")
@Produces(MediaType.APPLICATION_JSON)
public class ReportResource {

    private static final String PROBLEM_400 = "Missing or malformed parameters, or the agency did not exist then";

    private final IndicatorReportService indicatorReports;
    private final TaskReportService taskReports;
    private final CompletenessService completeness;
    private final PeriodicReportService periodicReports;
    private final IdempotencyKeys idempotency;

    public ReportResource(
            IndicatorReportService indicatorReports,
            TaskReportService taskReports,
            CompletenessService completeness,
            PeriodicReportService periodicReports,
            IdempotencyKeys idempotency) {
        this.indicatorReports = indicatorReports;
        this.taskReports = taskReports;
        this.completeness = completeness;
        this.periodicReports = periodicReports;
        this.idempotency = idempotency;
    }

    @GET
    @Path("/indicators")
    @Operation(
            operationId = "getIndicatorReport",
            summary = "Indicator report of an agency subtree",
            description = "Per indicator of the plan measured per period of this frequency: expected, submitted,"
                    + " approved, returned, met, not met, Σb, Σa, value (ratio of sums for RATIO; returned figures"
                    + " excluded), approvedValue, min/mean/max of agency values, and one drill-down row per child"
                    + " agency. The subtree is the hierarchy on the last day of the period's ND09 window.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(
            responseCode = "400",
            description = "Missing or malformed planId, period or agencyId, or the agency did not exist then")
    @APIResponse(responseCode = "404", description = "Unknown plan or agency")
    public IndicatorReport indicators(
            @Parameter(
                            required = true,
                            description = "Plan id",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("planId")
                    String planId,
            @Parameter(required = true, description = "2024, 2024-S1, 2024-N9, 2024-Q1 or 2024-03", example = "2024-Q1")
                    @QueryParam("period")
                    String period,
            @Parameter(
                            required = true,
                            description = "Root of the subtree",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("agencyId")
                    String agencyId) {
        return indicatorReports.report(
                QueryParams.uuid("planId", planId), period, QueryParams.uuid("agencyId", agencyId));
    }

    @GET
    @Path("/tasks")
    @Operation(
            operationId = "getTaskReport",
            summary = "Task report of an agency subtree",
            description = "Assignments of the plan by status, overdue (due before asOf and neither DONE nor"
                    + " CANCELLED), due in the next 30 days, per child agency, and the overdue list. asOf defaults"
                    + " to today (Asia/Ho_Chi_Minh); the subtree is the hierarchy on asOf.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(responseCode = "400", description = PROBLEM_400)
    @APIResponse(responseCode = "404", description = "Unknown plan or agency")
    public TaskReport tasks(
            @Parameter(
                            required = true,
                            description = "Plan id",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("planId")
                    String planId,
            @Parameter(
                            required = true,
                            description = "Root of the subtree",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("agencyId")
                    String agencyId,
            @Parameter(
                            description = "Date, ISO-8601; default today",
                            example = "2024-06-30",
                            schema = @Schema(type = SchemaType.STRING, format = "date"))
                    @QueryParam("asOf")
                    String asOf) {
        return taskReports.report(
                QueryParams.uuid("planId", planId),
                QueryParams.uuid("agencyId", agencyId),
                QueryParams.date("asOf", asOf));
    }

    @GET
    @Path("/completeness")
    @Operation(
            operationId = "getCompletenessReport",
            summary = "Completeness and timeliness of a regime's reports",
            description = "Expected (effective-dated assignments valid and agencies existing on the window's last"
                    + " day), submitted, on time, late and missing with the lists of late and missing agencies."
                    + " Rates are submitted / expected and on time / expected, never above 100 %.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(
            responseCode = "400",
            description = PROBLEM_400 + ", or a period of another frequency than the regime's")
    @APIResponse(responseCode = "404", description = "Unknown regime or agency")
    public CompletenessReport completeness(
            @Parameter(
                            required = true,
                            description = "Report regime id",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("regimeId")
                    String regimeId,
            @Parameter(required = true, description = "Period code of the regime's frequency", example = "2024-Q1")
                    @QueryParam("period")
                    String period,
            @Parameter(
                            required = true,
                            description = "Root of the subtree",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("agencyId")
                    String agencyId) {
        return completeness.report(
                QueryParams.uuid("regimeId", regimeId), period, QueryParams.uuid("agencyId", agencyId));
    }

    @GET
    @Path("/{regimeId}/{period}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getPeriodicReport",
            summary = "Periodic report of a regime",
            description = "Indicators, tasks (as of the window's last day) and completeness. A finalized report is"
                    + " its snapshot plus finalization.changedSinceFinalization. Also served as text/csv and as"
                    + " XLSX with Vietnamese headings, chosen by the Accept header.")
    @APIResponse(responseCode = "200", description = "The report")
    @APIResponse(
            responseCode = "400",
            description = PROBLEM_400 + ", or a period of another frequency than the regime's")
    @APIResponse(responseCode = "404", description = "Unknown regime or agency")
    public PeriodicReport periodic(
            @PathParam("regimeId") UUID regimeId,
            @PathParam("period") @Parameter(example = "2024-Q1") String period,
            @Parameter(
                            required = true,
                            description = "Root of the subtree",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("agencyId")
                    String agencyId) {
        return periodicReports.report(regimeId, period, QueryParams.uuid("agencyId", agencyId));
    }

    @GET
    @Path("/{regimeId}/{period}")
    @Produces("text/csv")
    @Operation(
            operationId = "getPeriodicReport",
            summary = "Periodic report of a regime as CSV",
            description = "UTF-8 with byte-order mark.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content = @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers =
                    @Header(
                            name = "Content-Disposition",
                            description = DISPOSITION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = PROBLEM_400)
    @APIResponse(responseCode = "404", description = "Unknown regime or agency")
    public Response periodicCsv(
            @PathParam("regimeId") UUID regimeId,
            @PathParam("period") @Parameter(example = "2024-Q1") String period,
            @Parameter(
                            required = true,
                            description = "Root of the subtree",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("agencyId")
                    String agencyId) {
        PeriodicReport report = periodicReports.report(regimeId, period, QueryParams.uuid("agencyId", agencyId));
        return Response.ok(ReportExports.csv(report), "text/csv; charset=UTF-8")
                .header("Content-Disposition", attachment(report, "csv"))
                .build();
    }

    @GET
    @Path("/{regimeId}/{period}")
    @Produces(ReportExports.XLSX)
    @Operation(
            operationId = "getPeriodicReport",
            summary = "Periodic report of a regime as XLSX",
            description = "Sheets Chỉ tiêu, Nhiệm vụ and Tình hình báo cáo with Vietnamese headings.")
    @APIResponse(
            responseCode = "200",
            description = "The report",
            content =
                    @Content(
                            mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")),
            headers =
                    @Header(
                            name = "Content-Disposition",
                            description = DISPOSITION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = PROBLEM_400)
    @APIResponse(responseCode = "404", description = "Unknown regime or agency")
    public Response periodicXlsx(
            @PathParam("regimeId") UUID regimeId,
            @PathParam("period") @Parameter(example = "2024-Q1") String period,
            @Parameter(
                            required = true,
                            description = "Root of the subtree",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("agencyId")
                    String agencyId) {
        PeriodicReport report = periodicReports.report(regimeId, period, QueryParams.uuid("agencyId", agencyId));
        return Response.ok(ReportExports.xlsx(report), ReportExports.XLSX)
                .header("Content-Disposition", attachment(report, "xlsx"))
                .build();
    }

    @POST
    @Path("/{regimeId}/{period}/finalize")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "finalizePeriodicReport",
            summary = "Finalize a periodic report",
            description = "Stores an immutable snapshot with the SHA-256 of its canonical JSON and publishes"
                    + " partracker.report.finalized. Only the report's agency (agencyId) finalizes it: an evaluator"
                    + " of that agency, or of an agency above it with a subtree token, or an admin; the token's"
                    + " subject is recorded as finalizedBy. The body is optional and empty. Accepts an"
                    + " Idempotency-Key header.")
    @APIResponse(
            responseCode = "201",
            description = "Finalized; the snapshot",
            content = @Content(schema = @Schema(implementation = PeriodicReport.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = PROBLEM_400)
    @APIResponse(responseCode = "403", description = "The report is of another agency than the caller's")
    @APIResponse(responseCode = "404", description = "Unknown regime or agency")
    @APIResponse(responseCode = "409", description = "Already finalized, or Idempotency-Key reused with another body")
    public Response finalizeReport(
            @PathParam("regimeId") UUID regimeId,
            @PathParam("period") @Parameter(example = "2024-Q1") String period,
            @Parameter(
                            required = true,
                            description = "The agency whose report is finalized",
                            schema = @Schema(type = SchemaType.STRING, format = "uuid"))
                    @QueryParam("agencyId")
                    String agencyId,
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Valid FinalizeRequest request) {
        UUID agency = QueryParams.uuid("agencyId", agencyId);
        String location = "/api/reports/" + regimeId + "/" + period + "?agencyId=" + agency;
        IdempotentResult result = idempotency.execute(
                idempotencyKey,
                "POST /api/reports/" + regimeId + "/" + period + "/finalize?agencyId=" + agency,
                request == null ? new FinalizeRequest() : request,
                () -> IdempotentResult.of(201, location, periodicReports.finalizeReport(regimeId, period, agency)));
        return result.toResponse();
    }

    private static String attachment(PeriodicReport report, String extension) {
        return "attachment; filename=\"bao-cao-" + report.regimeCode().replaceAll("[^A-Za-z0-9._-]", "-") + "-"
                + report.period() + "." + extension + "\"";
    }
}
