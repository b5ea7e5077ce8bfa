package vn.partracker.plans.rest;

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
    @Operation(summary = "List PAR fields", description = "The seven fields of the 2020 plan and TTHC sub-fields.")
    @APIResponse(responseCode = "200", description = "Every field")
    public List<ParFieldResponse> list() {
        return service.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a PAR field")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "Invalid field")
    @APIResponse(responseCode = "409", description = "Code already used")
    public Response add(@Valid @NotNull ParFieldRequest request) {
        ParFieldResponse field = service.add(request);
        return Response.created(URI.create("/api/par-fields/" + field.code()))
                .entity(field)
                .build();
    }
}
