package vn.partracker.support.http;

/**
 * The descriptions of the response headers the services send, shared by the OpenAPI annotations of all three so a
 * generated client reads the same words for the same header everywhere.
 */
public final class ApiHeaders {

    /** The {@code ETag} of a single resource: its version, to send back as {@code If-Match} on the next change. */
    public static final String ETAG_HEADER =
            "The resource's version as a strong entity tag (\"3\"); send it back as If-Match to change the resource";

    /** The {@code Location} of a created resource or started job. */
    public static final String LOCATION_HEADER =
            "Path of the created resource, or of the import or job to poll (e.g. /api/agencies/{id})";

    /** The {@code Content-Disposition} of a downloaded file. */
    public static final String DISPOSITION_HEADER = "attachment; filename=\"…\" with the suggested file name";

    private ApiHeaders() {}
}
