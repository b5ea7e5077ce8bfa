package vn.partracker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** Reads reporting-service's reports over HTTP and turns them into the shapes the tests compare. */
final class Reports {

    private static final String[] ROW_FIELDS = {
        "expected",
        "submitted",
        "approved",
        "returned",
        "met",
        "notMet",
        "numeratorSum",
        "denominatorSum",
        "value",
        "approvedValue",
        "min",
        "mean",
        "max"
    };

    private Reports() {}

    /** GET /api/reports/indicators on a reporting-service port, as the raw body. */
    static JsonNode indicatorReport(Api api, int port, UUID planId, String period, UUID agencyId) {
        return get(
                api, port, "/api/reports/indicators?planId=" + planId + "&period=" + period + "&agencyId=" + agencyId);
    }

    static JsonNode taskReport(Api api, int port, UUID planId, UUID agencyId, String asOf) {
        return get(api, port, "/api/reports/tasks?planId=" + planId + "&agencyId=" + agencyId + "&asOf=" + asOf);
    }

    static JsonNode completeness(Api api, int port, UUID regimeId, String period, UUID agencyId) {
        return get(
                api,
                port,
                "/api/reports/completeness?regimeId=" + regimeId + "&period=" + period + "&agencyId=" + agencyId);
    }

    /** The row of one indicator as comparable text, or empty when the report has no row for it. */
    static Optional<Map<String, String>> row(JsonNode report, UUID indicatorId) {
        for (JsonNode row : report.path("rows")) {
            if (row.path("indicatorId").asText().equals(indicatorId.toString())) {
                Map<String, String> result = new TreeMap<>();
                for (String field : ROW_FIELDS) {
                    JsonNode value = row.path(field);
                    result.put(
                            field,
                            value.isNull() || value.isMissingNode()
                                    ? "null"
                                    : Expected.text(new BigDecimal(value.asText())));
                }
                return Optional.of(result);
            }
        }
        return Optional.empty();
    }

    /**
     * The report without what legitimately differs between two instances or two reads: when it was computed, the
     * consumer positions and (for completeness) the regime id, which is each instance's own.
     */
    static JsonNode comparable(JsonNode report) {
        ObjectNode copy = report.deepCopy();
        copy.remove("computedAsOf");
        copy.remove("eventPosition");
        copy.remove("regimeId");
        return copy;
    }

    private static JsonNode get(Api api, int port, String path) {
        try {
            return api.get(port, path, api.admin()).expect(200).body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
