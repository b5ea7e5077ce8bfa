package vn.partracker.reporting.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partracker.events.Topics;
import vn.partracker.reporting.KonTumFixture;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.KafkaTestClient;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.security.TestTokens;

/**
 * Who may finalize a report: an evaluator of the report's own agency (the {@code agencyId} the report is of, looked
 * up in the agency replica), or of an agency above it with a subtree token; an evaluator of any other agency is
 * refused with 403 problem+json and nothing is written, no snapshot, no audit row, no event. The finalization carries
 * the token's subject, never a name from the body.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class FinalizationScopeIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] TABLES = {"finalized_report", "audit_entry", "idempotency_key"};

    private static KonTumFixture kt;
    private static String regime;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void createTheWorld() {
        if (kt != null) {
            return;
        }
        kt = new KonTumFixture();
        regime = given().contentType("application/json")
                .body("""
                        {"code": "KT.BC-SCOPE-%s", "name": "Báo cáo kết quả thực hiện công tác CCHC hằng quý",
                         "legalBasis": "Kế hoạch 59/QĐ-UBND", "frequency": "QUARTERLY", "rule": "ND09",
                         "recipientAgencyId": "%s", "deadlineOffsets": {"PROVINCE": 5, "DISTRICT": 3},
                         "planIds": ["%s"]}
                        """.formatted(kt.suffix, kt.homeAffairs, kt.plan))
                .post("/api/report-regimes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
    }

    private static String code(UUID agency) {
        return kt.world.agency(agency).code();
    }

    private static ValidatableResponse finalize(String token, String period, UUID agency) {
        return given().header("Authorization", TestTokens.bearer(token))
                .queryParam("agencyId", agency)
                .contentType("application/json")
                .body("{}")
                .post("/api/reports/" + regime + "/" + period + "/finalize")
                .then();
    }

    private void refused(String token, String period, UUID agency, String reason) {
        TableCounts.assertNothingWritten(
                dataSource,
                () -> finalize(token, period, agency)
                        .statusCode(403)
                        .contentType("application/problem+json")
                        .body("type", equalTo("https://partracker.vn/problems/forbidden"))
                        .body("detail", containsString(reason)),
                TABLES);
        assertEquals(
                0,
                TableCounts.count(
                        dataSource,
                        "SELECT count(*) FROM finalized_report WHERE regime_id = ? AND period = ? AND agency_id = ?",
                        UUID.fromString(regime),
                        period,
                        agency));
    }

    @Test
    void anEvaluatorOfTheReportsAgencyFinalizesItAndTheEventNamesTheTokenSubject() throws Exception {
        String token = TestTokens.of("evaluator", code(kt.homeAffairs));
        String subject = "test-evaluator-" + code(kt.homeAffairs);
        String reportId = finalize(token, "2024-Q1", kt.homeAffairs)
                .statusCode(201)
                .body("agencyName", equalTo("Sở Nội vụ"))
                .body("finalization.finalizedBy", equalTo(subject))
                .extract()
                .path("finalization.id");

        var events = KafkaTestClient.readUntil(
                Topics.REPORTS, Duration.ofSeconds(20), read -> read.stream().anyMatch(r -> reportId.equals(r.key())));
        JsonNode event = JSON.readTree(events.stream()
                .filter(r -> reportId.equals(r.key()))
                .findFirst()
                .orElseThrow()
                .value());
        assertEquals(subject, event.path("finalizedBy").asText());
        assertEquals(kt.homeAffairs.toString(), event.path("agencyId").asText());
    }

    @Test
    void anEvaluatorOfAnotherAgencyIsRefusedAndNothingIsWritten() {
        refused(
                TestTokens.of("evaluator", code(kt.justice)),
                "2024-Q2",
                kt.homeAffairs,
                "agency " + code(kt.justice) + " may not act for agency " + code(kt.homeAffairs));
    }

    @Test
    void aDepartmentMayNotFinalizeTheProvincesReport() {
        refused(
                TestTokens.of("evaluator", code(kt.homeAffairs)),
                "2024-Q2",
                kt.province,
                "may not act for agency " + code(kt.province));
    }

    @Test
    void anEvaluatorWithoutAnAgencyIsRefused() {
        refused(TestTokens.of("evaluator", null), "2024-Q2", kt.homeAffairs, "names no agency");
    }

    @Test
    void aDistrictWithASubtreeTokenFinalizesItsCommunesReportButNotTheProvinces() {
        String district = code(kt.district);
        refused(
                TestTokens.of("evaluator", district),
                "2024-Q3",
                kt.commune,
                "agency " + district + " may not act for agency " + code(kt.commune));
        finalize(TestTokens.subtree("evaluator", district), "2024-Q3", kt.commune)
                .statusCode(201)
                .body("agencyName", equalTo("Ủy ban nhân dân xã Hà Mòn"))
                .body("finalization.finalizedBy", equalTo("test-evaluator-" + district + "-subtree"));
        refused(
                TestTokens.subtree("evaluator", district),
                "2024-Q3",
                kt.province,
                "(with the agencies under it) may not act for agency " + code(kt.province));
    }

    @Test
    void aFinalizedByInTheBodyIsRefusedInsteadOfTrusted() {
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().queryParam("agencyId", kt.homeAffairs)
                        .contentType("application/json")
                        .body("{\"finalizedBy\": \"Giám đốc Sở Nội vụ\"}")
                        .post("/api/reports/" + regime + "/2024-Q4/finalize")
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json"),
                TABLES);
    }
}
