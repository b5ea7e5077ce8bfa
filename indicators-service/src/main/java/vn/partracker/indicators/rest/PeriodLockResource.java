package vn.partracker.indicators.rest;

import static vn.partracker.support.http.ApiHeaders.LOCATION_HEADER;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.indicators.api.PeriodLockRequest;
import vn.partracker.indicators.api.PeriodLockResponse;
import vn.partracker.indicators.service.PeriodLockService;
import vn.partracker.support.idempotency.IdempotencyKeys;
import vn.partracker.support.idempotency.IdempotentResult;

/** Period locks (chốt số liệu) over HTTP. */
@Path("/api/period-locks")
@Tag(name = "Period locks", description = "Closed periods whose figures can no longer change")
@Produces(MediaType.APPLICATION_JSON)
public class PeriodLockResource {

    private final PeriodLockService service;
    private final IdempotencyKeys idempotency;

    public PeriodLockResource(PeriodLockService service, IdempotencyKeys idempotency) {
        this.service = service;
        this.idempotency = idempotency;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "createPeriodLock",
            summary = "Lock a period",
            description = "For one indicator, one plan, or all indicators; periods inside the locked one are"
                    + " locked too. Accepts Idempotency-Key.")
    @APIResponse(
            responseCode = "201",
            description = "Locked",
            content = @Content(schema = @Schema(implementation = PeriodLockResponse.class)),
            headers =
                    @Header(
                            name = "Location",
                            description = LOCATION_HEADER,
                            schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Unknown indicator or plan, both given, or malformed period")
    @APIResponse(responseCode = "409", description = "Idempotency-Key reused with another body")
    public Response lock(
            @HeaderParam("Idempotency-Key") String idempotencyKey, @Valid @NotNull PeriodLockRequest request) {
        IdempotentResult result = idempotency.execute(idempotencyKey, "POST /api/period-locks", request, () -> {
            PeriodLockResponse created = service.lock(request);
            return IdempotentResult.of(201, "/api/period-locks/" + created.id(), created);
        });
        return result.toResponse();
    }

    @GET
    @Operation(operationId = "listPeriodLocks", summary = "List period locks", description = "Newest first.")
    @APIResponse(responseCode = "200", description = "The locks")
    public List<PeriodLockResponse> list() {
        return service.list();
    }

    @DELETE
    @Path("/{id}")
    @Operation(
            operationId = "deletePeriodLock",
            summary = "Remove a period lock",
            description = "The period accepts changes again.")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "No such lock")
    public Response unlock(@PathParam("id") UUID id) {
        service.unlock(id);
        return Response.noContent().build();
    }
}
