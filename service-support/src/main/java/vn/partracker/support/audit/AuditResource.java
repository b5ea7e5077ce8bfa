package vn.partracker.support.audit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.support.http.QueryParams;
import vn.partracker.support.paging.Page;
import vn.partracker.support.paging.PageRequest;
import vn.partracker.support.problem.ValidationException;

/**
 * The audit trail every service keeps of its writes (admins and evaluators): who changed what, when, before and
 * after, and a check that the hash chain is unbroken.
 */
@Path("/api/audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit", description = "Tamper-evident record of every write of this service")
public class AuditResource {

    private static final int MAX_TEXT = 200;

    private final AuditRepository repository;

    public AuditResource(AuditRepository repository) {
        this.repository = repository;
    }

    @GET
    @Operation(
            operationId = "listAuditEntries",
            summary = "List audit entries, newest first",
            description = "Filters: entityType (e.g. Measurement), entityId, actor (the token subject), from and to"
                    + " (dates, inclusive, UTC).")
    @APIResponse(responseCode = "200", description = "One page of audit entries")
    @APIResponse(responseCode = "400", description = "Invalid filter or paging")
    public Page<AuditEntry> list(
            @QueryParam("entityType") String entityType,
            @QueryParam("entityId") String entityId,
            @QueryParam("actor") String actor,
            @Parameter(description = "date (YYYY-MM-DD)") @QueryParam("from") String from,
            @Parameter(description = "date (YYYY-MM-DD)") @QueryParam("to") String to,
            @QueryParam("page") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String page,
            @QueryParam("size") @Parameter(schema = @Schema(type = SchemaType.INTEGER, format = "int32")) String size) {
        LocalDate fromDate = QueryParams.date("from", from);
        LocalDate toDate = QueryParams.date("to", to);
        if (fromDate != null && toDate != null && toDate.isBefore(fromDate)) {
            throw new ValidationException("to", "must not be before from");
        }
        AuditRepository.Filter filter = new AuditRepository.Filter(
                text("entityType", entityType), text("entityId", entityId), text("actor", actor), fromDate, toDate);
        PageRequest request = PageRequest.of(QueryParams.integer("page", page), QueryParams.integer("size", size));
        return Page.of(request, repository.find(filter, request), repository.count(filter));
    }

    @GET
    @Path("/verify")
    @Operation(
            operationId = "verifyAuditChain",
            summary = "Recompute the audit hash chain",
            description = "Reads every entry in order and recomputes its SHA-256 over its content and the previous"
                    + " entry's hash; names the first entry that was changed, removed or reordered.")
    @APIResponse(responseCode = "200", description = "Whether the chain is intact, and the first broken entry if not")
    public AuditVerification verify() {
        return AuditChain.verify(repository.inChainOrder());
    }

    private static String text(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > MAX_TEXT) {
            throw new ValidationException(name, "must be at most " + MAX_TEXT + " characters");
        }
        return value;
    }
}
