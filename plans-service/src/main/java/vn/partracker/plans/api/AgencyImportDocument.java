package vn.partracker.plans.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The object form of a JSON agency import, {@code {"agencies": [...], "groups": [...]}}, as its OpenAPI schema: the
 * import reads the body as a tree itself (so that every problem of every row is reported at once, with its row), and
 * without this type the document would name the body only as an untyped tree that no generated client can build.
 */
@Schema(
        name = "AgencyImportDocument",
        description = "Agencies, and optionally agency groups, to import; matched by code")
public record AgencyImportDocument(List<AgencyImportRow> agencies, List<GroupImportRow> groups) {}
