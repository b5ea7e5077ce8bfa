package vn.partracker.indicators.config;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Which request bodies {@link SubmissionBodyPreRead} reads on the I/O thread, and which it leaves to Quarkus REST. */
class SubmissionBodyPreReadTest {

    private static final String JSON = "application/json";

    @Test
    void smallDeclaredJsonBodiesOfTheSmallWritesArePreRead() {
        assertTrue(SubmissionBodyPreRead.preReads("POST", "/api/measurements", "180", null, JSON, null));
        assertTrue(SubmissionBodyPreRead.preReads(
                "POST", "/api/measurements", "1048576", null, "application/json; charset=UTF-8", null));
        assertTrue(SubmissionBodyPreRead.preReads("PUT", "/api/measurements/1f0c", "90", null, JSON, null));
        assertTrue(SubmissionBodyPreRead.preReads("POST", "/api/measurements/1f0c/approve", "2", null, JSON, null));
        assertTrue(SubmissionBodyPreRead.preReads("POST", "/api/measurements/1f0c/reopen", "40", null, JSON, null));
        assertTrue(SubmissionBodyPreRead.preReads("POST", "/api/indicators", "900", null, JSON, null));
        assertTrue(SubmissionBodyPreRead.preReads("PUT", "/api/indicators/9a", "900", null, JSON, null));
        assertTrue(SubmissionBodyPreRead.preReads("POST", "/api/period-locks", "120", null, JSON, null));
    }

    @Test
    void everythingElseTakesThePathItTookBefore() {
        assertFalse(
                SubmissionBodyPreRead.preReads("POST", "/api/measurements", "1048577", null, JSON, null),
                "over the limit: BodySizeLimit answers 413 without reading");
        assertFalse(
                SubmissionBodyPreRead.preReads("POST", "/api/measurements", null, "chunked", JSON, null),
                "chunked: counted while read");
        assertFalse(SubmissionBodyPreRead.preReads("POST", "/api/measurements", "180", "chunked", JSON, null));
        assertFalse(
                SubmissionBodyPreRead.preReads("POST", "/api/measurements", "180", null, JSON, "100-continue"),
                "Quarkus REST sends the 100");
        assertFalse(SubmissionBodyPreRead.preReads("POST", "/api/measurements", "0", null, JSON, null));
        assertFalse(SubmissionBodyPreRead.preReads("POST", "/api/measurements", "many", null, JSON, null));
        assertFalse(SubmissionBodyPreRead.preReads("POST", "/api/measurements", "180", null, "text/csv", null));
        assertFalse(SubmissionBodyPreRead.preReads("POST", "/api/measurements", "180", null, null, null));
        assertFalse(
                SubmissionBodyPreRead.preReads("POST", "/api/measurements/batch", "180", null, JSON, null),
                "imports stream");
        assertFalse(SubmissionBodyPreRead.preReads("POST", "/api/measurements/import", "180", null, JSON, null));
        assertFalse(SubmissionBodyPreRead.preReads("POST", "/api/indicators/import", "180", null, JSON, null));
        assertFalse(SubmissionBodyPreRead.preReads("GET", "/api/measurements", "180", null, JSON, null));
        assertFalse(SubmissionBodyPreRead.preReads("DELETE", "/api/period-locks/1", "2", null, JSON, null));
    }
}
