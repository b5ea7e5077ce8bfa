package vn.partracker.indicators.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import vn.partracker.indicators.api.ImportSummary;
import vn.partracker.indicators.service.ImportService;

/** Progress and outcome of bulk imports of figures. */
@Path("/api/imports")
@Tag(name = "Imports", description = "Progress and outcome of bulk imports of figures")
public class ImportResource {

    /** Media type of XLSX workbooks. */
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** Media type of CSV files. */
    public static final String CSV = "text/csv";

    private final ImportService imports;

    public ImportResource(ImportService imports) {
        this.imports = imports;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(
            operationId = "getMeasurementImport",
            summary = "Progress or outcome of an import",
            description = "status RUNNING, DONE, REJECTED or FAILED.")
    @APIResponse(responseCode = "200", description = "The import")
    @APIResponse(responseCode = "404", description = "No such import")
    public ImportSummary get(@PathParam("id") UUID id) {
        return imports.get(id);
    }
}
