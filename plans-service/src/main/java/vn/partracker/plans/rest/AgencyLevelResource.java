package vn.partracker.plans.rest;

import static vn.partracker.support.http.ApiHeaders.LOCATION_HEADER;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.plans.api.AgencyLevelRequest;
import vn.partracker.plans.api.AgencyLevelResponse;
import vn.partracker.plans.service.AgencyService;

/** Levels of government as data. */
@Path("/api/agency-levels")
@Tag(name = "Agency levels", description = "Levels of government (province, district, commune …) as rows")
@Produces(MediaType.APPLICATION_JSON)
public class AgencyLevelResource {

    private final AgencyService service;

    public AgencyLevelResource(AgencyService service) {
        this.service = service;
    }

    @GET
    @Operation(
            operationId = "listAgencyLevels",
            summary = "List levels",
            description = "From the top (lowest order first).")
    @APIResponse(responseCode = "200", description = "Every level")
    public List<AgencyLevelResponse> list() {
        return service.levels();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createAgencyLevel",
            summary = "Add a level",
            description = "A new level needs no release: agencies can use it at once.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = AgencyLevelResponse.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid level")
    @APIResponse(responseCode = "409", description = "Code already used")
    public Response add(@Valid @NotNull AgencyLevelRequest request) {
        AgencyLevelResponse level = service.addLevel(request);
        return Response.created(URI.create("/api/agency-levels/" + level.code()))
                .entity(level)
                .build();
    }
}
