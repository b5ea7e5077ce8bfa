package vn.partracker.plans.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.plans.api.TimeframeParseRequest;
import vn.partracker.plans.api.TimeframeResponse;
import vn.partracker.plans.service.TimeframeService;

/** The Vietnamese timeframe parser over HTTP, for clients that want to preview what a wording becomes. */
@Path("/api/timeframes")
@Tag(name = "Timeframes", description = "Vietnamese timeframe wordings and their structure")
@Produces(MediaType.APPLICATION_JSON)
public class TimeframeResource {

    private final TimeframeService service;

    public TimeframeResource(TimeframeService service) {
        this.service = service;
    }

    @POST
    @Path("/parse")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "parseTimeframe",
            summary = "Parse a timeframe wording",
            description = "\"Quý IV năm 2022\" → QUARTER 2022-10-01..2022-12-31, due 2022-12-31. Unknown wording is"
                    + " UNSTRUCTURED with the original text, never an error.")
    @APIResponse(responseCode = "200", description = "The structured form")
    @APIResponse(responseCode = "400", description = "text or planYear missing")
    public TimeframeResponse parse(@Valid @NotNull TimeframeParseRequest request) {
        return service.parse(request.text(), request.planYear());
    }
}
