package vn.partracker.reporting.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.reporting.domain.window.ReportingWindow;
import vn.partracker.reporting.service.ReportingWindowService;

/** Data cut-off windows of reporting periods (Nghị định 09/2019/NĐ-CP, Article 12, or calendar bounds). */
@Path("/api/reporting-windows")
@Tag(name = "Reporting periods", description = "Cut-off windows of reporting periods")
@Produces(MediaType.APPLICATION_JSON)
public class ReportingWindowResource {

    private final ReportingWindowService service;

    public ReportingWindowResource(ReportingWindowService service) {
        this.service = service;
    }

    @GET
    @Operation(
            operationId = "getReportingWindow",
            summary = "Cut-off window of a period",
            description = "ND09: monthly 15th of the previous month to the 14th; quarterly, 6-month, 9-month and"
                    + " annual from 15th of the month before the period to the 14th of its last month.")
    @APIResponse(responseCode = "200", description = "The window, dates inclusive")
    @APIResponse(responseCode = "400", description = "Unknown rule or malformed period")
    public ReportingWindow window(
            @Parameter(required = true, description = "ND09 or CALENDAR", example = "ND09") @QueryParam("rule")
                    String rule,
            @Parameter(required = true, description = "2024, 2024-S1, 2024-N9, 2024-Q1 or 2024-03", example = "2024-03")
                    @QueryParam("period")
                    String period) {
        return service.window(rule, period);
    }
}
