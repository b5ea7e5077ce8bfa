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
import vn.partracker.plans.api.ParFieldRequest;
import vn.partracker.plans.api.ParFieldResponse;
import vn.partracker.plans.service.ParFieldService;

/** The configurable PAR field codes. */
@Path("/api/par-fields")
@Tag(name = "PAR fields", description = "Fields of public administration reform tasks are classified by")
@Produces(MediaType.APPLICATION_JSON)
public class ParFieldResource {

    private final ParFieldService service;

    public ParFieldResource(ParFieldService service) {
        this.service = service;
    }

    @GET
    @Operation(
            operationId = "listParFields",
            summary = "List PAR fields",
            description = "The seven fields of the 2020 plan and TTHC sub-fields.")
    @APIResponse(responseCode = "200", description = "Every field")
    public List<ParFieldResponse> list() {
        return service.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createParField",
            summary = "Add a PAR field",
            description = "Adds a field of public-administration reform (lĩnh vực CCHC, e.g. \"Cải cách thủ tục hành"
                    + " chính\") that tasks and indicators are classified by; its code is unique.")
    @APIResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = ParFieldResponse.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "409", description = "Code already used")
    public Response add(@Valid @NotNull ParFieldRequest request) {
        ParFieldResponse field = service.add(request);
        return Response.created(URI.create("/api/par-fields/" + field.code()))
                .entity(field)
                .build();
    }
}
