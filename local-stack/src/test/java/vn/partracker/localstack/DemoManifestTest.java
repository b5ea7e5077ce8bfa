package vn.partracker.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DemoManifestTest {

    private static final Path DIR = Path.of("/repo/demo-data");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void parsesStepsInOrderWithDefaults() {
        DemoManifest manifest = DemoManifest.parse("""
                [
                  {"service": "plans", "method": "POST", "path": "/api/plans/import", "file": "kontum-59-plan.json"},
                  {"service": "indicators-service", "path": "/api/measurements", "file": "measurements/q1.json",
                   "description": "Q1 measurements",
                   "waitFor": {"path": "/api/indicators?plan=59", "jsonPath": "$[20].code", "timeoutSeconds": 90}},
                  {"service": "reporting", "method": "get", "path": "/api/reports",
                   "waitFor": {"service": "plans", "path": "/api/plans", "jsonPath": "$.items[0].status",
                               "equals": "APPROVED"}}
                ]
                """, DIR);

        assertEquals(DIR, manifest.directory());
        assertEquals(3, manifest.steps().size());

        DemoManifest.Step first = manifest.steps().get(0);
        assertEquals(1, first.number());
        assertEquals(AppService.PLANS, first.service());
        assertEquals("POST", first.method());
        assertEquals("/api/plans/import", first.path());
        assertEquals(Optional.of("kontum-59-plan.json"), first.file());
        assertTrue(first.waitFor().isEmpty());

        DemoManifest.Step second = manifest.steps().get(1);
        assertEquals(AppService.INDICATORS, second.service());
        assertEquals("POST", second.method(), "POST is the default method");
        assertEquals(Optional.of("Q1 measurements"), second.description());
        DemoManifest.WaitFor wait = second.waitFor().orElseThrow();
        assertEquals(AppService.INDICATORS, wait.service(), "waitFor defaults to the step's service");
        assertEquals("/api/indicators?plan=59", wait.path());
        assertEquals("$[20].code", wait.jsonPath().orElseThrow().toString());
        assertEquals(Duration.ofSeconds(90), wait.timeout());

        DemoManifest.Step third = manifest.steps().get(2);
        assertEquals("GET", third.method());
        assertTrue(third.file().isEmpty());
        assertEquals(AppService.PLANS, third.waitFor().orElseThrow().service());
        assertEquals(Optional.of("APPROVED"), third.waitFor().orElseThrow().equals());
        assertEquals(Duration.ofSeconds(60), third.waitFor().orElseThrow().timeout());
    }

    @Test
    void waitForCanPollADryRunWithABody() {
        DemoManifest manifest = DemoManifest.parse("""
                [{"service": "indicators", "path": "/api/indicators/import", "file": "kontum-59-indicators.json",
                  "waitFor": {"method": "POST", "path": "/api/indicators/import?dryRun=true",
                              "file": "kontum-59-indicators.json", "jsonPath": "$.valid", "equals": "true"}}]
                """, DIR);

        DemoManifest.WaitFor wait = manifest.steps().get(0).waitFor().orElseThrow();
        assertEquals("POST", wait.method());
        assertEquals(Optional.of("kontum-59-indicators.json"), wait.file());
        assertEquals(Optional.of("true"), wait.equals());
        assertEquals(
                "GET",
                DemoManifest.parse("[{\"service\": \"plans\", \"path\": \"/x\", \"waitFor\": {\"path\": \"/y\"}}]", DIR)
                        .steps()
                        .get(0)
                        .waitFor()
                        .orElseThrow()
                        .method(),
                "waitFor polls with GET by default");
        assertMessage(
                "[{\"service\": \"plans\", \"path\": \"/x\", \"waitFor\": {\"path\": \"/y\", \"file\": \"../x.json\"}}]",
                "step 1 waitFor: file must be inside");
    }

    @Test
    void retrySecondsKeepsResendingTheStep() {
        DemoManifest manifest = DemoManifest.parse("""
                [{"service": "reporting", "path": "/api/report-regimes/import", "file": "r.json", "retrySeconds": 45},
                 {"service": "reporting", "path": "/api/reports"}]
                """, DIR);

        assertEquals(Duration.ofSeconds(45), manifest.steps().get(0).retry());
        assertEquals(Duration.ZERO, manifest.steps().get(1).retry(), "sent once unless retrySeconds is given");
        assertMessage(
                "[{\"service\": \"plans\", \"path\": \"/x\", \"retrySeconds\": \"soon\"}]",
                "step 1: retrySeconds must be a positive integer");
        assertMessage(
                "[{\"service\": \"plans\", \"path\": \"/x\", \"retrySeconds\": 1.5}]",
                "step 1: retrySeconds must be a positive integer");
    }

    @Test
    void emptyArrayIsAManifestWithoutSteps() {
        assertTrue(DemoManifest.parse("[]", DIR).steps().isEmpty());
    }

    @Test
    void rejectsWhatIsNotAnArrayOfObjects() {
        assertMessage("{\"service\": \"plans\"}", "manifest must be a JSON array of steps");
        assertMessage("[1]", "step 1: must be a JSON object");
        assertMessage("[{", "manifest is not valid JSON");
    }

    @Test
    void namesTheStepAndFieldThatIsWrong() {
        String ok = "{\"service\": \"plans\", \"path\": \"/api/plans\"}";
        assertMessage("[" + ok + ", {\"path\": \"/api/x\"}]", "step 2: service is required");
        assertMessage(
                "[{\"service\": \"budget\", \"path\": \"/x\"}]",
                "step 1: service must be plans, indicators or reporting");
        assertMessage("[{\"service\": \"plans\"}]", "step 1: path is required");
        assertMessage("[{\"service\": \"plans\", \"path\": \"api/plans\"}]", "step 1: path must start with '/'");
        assertMessage(
                "[{\"service\": \"plans\", \"path\": \"/x\", \"method\": \"TRACE\"}]", "step 1: method must be one of");
        assertMessage(
                "[{\"service\": \"plans\", \"path\": \"/x\", \"fiel\": \"a.json\"}]", "step 1: unknown field 'fiel'");
        assertMessage(
                "[{\"service\": \"plans\", \"path\": \"/x\", \"file\": 3}]", "step 1: file must be a non-empty string");
    }

    @Test
    void filesMustStayInsideTheManifestDirectory() {
        assertMessage(
                "[{\"service\": \"plans\", \"path\": \"/x\", \"file\": \"../secrets.json\"}]",
                "step 1: file must be inside");
        assertMessage(
                "[{\"service\": \"plans\", \"path\": \"/x\", \"file\": \"/etc/passwd\"}]",
                "step 1: file must be inside");
    }

    @Test
    void validatesWaitFor() {
        String step = "[{\"service\": \"plans\", \"path\": \"/x\", \"waitFor\": %s}]";
        assertMessage(step.formatted("\"soon\""), "step 1 waitFor: must be a JSON object");
        assertMessage(step.formatted("{}"), "step 1 waitFor: path is required");
        assertMessage(
                step.formatted("{\"path\": \"/y\", \"jsonPath\": \"items\"}"),
                "step 1 waitFor: JSON path must start with '$'");
        assertMessage(
                step.formatted("{\"path\": \"/y\", \"equals\": \"A\"}"), "step 1 waitFor: equals needs a jsonPath");
        assertMessage(
                step.formatted("{\"path\": \"/y\", \"timeoutSeconds\": 0}"),
                "timeoutSeconds must be a positive integer");
        assertMessage(step.formatted("{\"path\": \"/y\", \"until\": 1}"), "step 1 waitFor: unknown field 'until'");
    }

    @Test
    void successIsAny2xxOrConflict() {
        assertTrue(DemoManifest.isSuccess(200));
        assertTrue(DemoManifest.isSuccess(201));
        assertTrue(DemoManifest.isSuccess(204));
        assertTrue(DemoManifest.isSuccess(409), "409 means the data is already there");
        assertFalse(DemoManifest.isSuccess(400));
        assertFalse(DemoManifest.isSuccess(404));
        assertFalse(DemoManifest.isSuccess(422));
        assertFalse(DemoManifest.isSuccess(500));
        assertFalse(DemoManifest.isSuccess(302));
    }

    @Test
    void idempotencyKeyIsTheSha256OfTheFile() {
        assertEquals(
                "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                DemoManifest.sha256Hex(new byte[0]));
        assertEquals(
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                DemoManifest.sha256Hex("abc".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void presenceMeansNotNullAndNotEmpty() throws Exception {
        assertTrue(DemoManifest.isPresent(JSON.readTree("\"59/QĐ-UBND\"")));
        assertTrue(DemoManifest.isPresent(JSON.readTree("0")));
        assertTrue(DemoManifest.isPresent(JSON.readTree("false")));
        assertTrue(DemoManifest.isPresent(JSON.readTree("[1]")));
        assertFalse(DemoManifest.isPresent(JSON.readTree("null")));
        assertFalse(DemoManifest.isPresent(JSON.readTree("\"\"")));
        assertFalse(DemoManifest.isPresent(JSON.readTree("[]")));
        assertFalse(DemoManifest.isPresent(JSON.readTree("{}")));
        assertFalse(DemoManifest.isPresent(null));
    }

    @Test
    void matchesScalarsByTextAndContainersByJson() throws Exception {
        assertTrue(DemoManifest.matches(JSON.readTree("21"), "21"));
        assertTrue(DemoManifest.matches(JSON.readTree("\"APPROVED\""), "APPROVED"));
        assertTrue(DemoManifest.matches(JSON.readTree("true"), "true"));
        assertTrue(DemoManifest.matches(JSON.readTree("[1,2]"), "[1,2]"));
        assertFalse(DemoManifest.matches(JSON.readTree("\"approved\""), "APPROVED"));
    }

    private static void assertMessage(String json, String expectedStart) {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> DemoManifest.parse(json, DIR));
        assertTrue(
                error.getMessage().contains(expectedStart),
                () -> "expected a message containing '" + expectedStart + "' but was: " + error.getMessage());
    }
}
