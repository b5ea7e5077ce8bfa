package vn.partracker.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import vn.partracker.events.CloudEventHeaders;
import vn.partracker.events.EventJson;
import vn.partracker.events.EventTypes;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.TaskProgressReported;
import vn.partracker.plans.IfMatch;
import vn.partracker.plans.PlanFixture;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.KafkaTestClient;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.security.TestTokens;

/**
 * Task progress is reported only for the caller's agency, or with a subtree token for the agencies under it in
 * today's hierarchy: Sở Nội vụ reports on its own task of 59/QĐ-UBND, Sở Tư pháp cannot; UBND huyện Đăk Hà with
 * {@code agencyScope: subtree} reports for UBND xã Hà Mòn until the commune moves under the province
 * (2025-07-01). A refused report changes nothing; an accepted one is recorded as the token's subject.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ProgressScopeIT {

    private static final String[] TABLES = {"progress_update", "assignment", "audit_entry"};

    @Inject
    AgroalDataSource dataSource;

    /** An issued 59/QĐ-UBND with one task led by Sở Nội vụ and one by UBND xã Hà Mòn. */
    private record IssuedPlan(PlanFixture f, String planId, String snvAssignment, String communeAssignment) {}

    private IssuedPlan issuedPlan() {
        PlanFixture f = new PlanFixture();
        String planId = f.createPlan();
        PlanFixture.addTask(
                planId,
                PlanFixture.task(
                        "I",
                        "1",
                        "Rà soát, đánh giá TTHC năm 2024",
                        Map.of("agencyId", f.snv),
                        "Trước ngày 16/02/2024"));
        PlanFixture.addTask(
                planId,
                PlanFixture.task(
                        "VII",
                        "1",
                        "Báo cáo Công tác kiểm soát thủ tục hành chính",
                        Map.of("agencyId", f.commune),
                        "Hàng quý"));
        given().header("If-Match", IfMatch.of("/api/plans/" + planId))
                .post("/api/plans/" + planId + "/issue")
                .then()
                .statusCode(200);
        return new IssuedPlan(f, planId, assignmentOf(planId, f.snv), assignmentOf(planId, f.commune));
    }

    @Test
    void aReporterReportsForItsOwnAgencyAsTheTokenSubject() {
        IssuedPlan p = issuedPlan();
        String snvCode = p.f().code(p.f().world.homeAffairs);
        String subject = "test-reporter-" + snvCode;

        report(TestTokens.of("reporter", snvCode), p.snvAssignment(), Map.of("percent", 50, "note", "Đã rà soát"))
                .statusCode(201)
                .body("reportedBy", equalTo(subject))
                .body("status", equalTo("IN_PROGRESS"));

        given().get("/api/assignments/" + p.snvAssignment() + "/progress")
                .then()
                .body("", hasSize(1))
                .body("[0].reportedBy", equalTo(subject));
        TaskProgressReported event = progressEvents(p.planId(), 1).get(0);
        assertEquals(subject, event.progress().reportedBy(), "the event carries the token's subject");
        assertEquals(
                subject,
                TableCounts.text(
                        dataSource,
                        "SELECT reported_by FROM progress_update WHERE assignment_id = ?",
                        UUID.fromString(p.snvAssignment())));
    }

    @Test
    void aReporterOfAnotherAgencyIsRefusedAndNothingChanges() {
        IssuedPlan p = issuedPlan();
        String stpCode = p.f().code(p.f().world.justice);
        String snvCode = p.f().code(p.f().world.homeAffairs);

        TableCounts.assertNothingWritten(
                dataSource,
                () -> report(TestTokens.of("reporter", stpCode), p.snvAssignment(), Map.of("percent", 80))
                        .statusCode(403)
                        .contentType("application/problem+json")
                        .body("type", equalTo("https://partracker.vn/problems/forbidden"))
                        .body("detail", containsString("agency " + stpCode + " may not act for agency " + snvCode)),
                TABLES);
        TableCounts.assertNothingWritten(
                dataSource,
                () -> report(TestTokens.subtree("reporter", stpCode), p.snvAssignment(), Map.of("percent", 80))
                        .statusCode(403)
                        .contentType("application/problem+json"),
                TABLES);
        given().get("/api/assignments/" + p.snvAssignment())
                .then()
                .body("status", equalTo("NOT_STARTED"))
                .body("lastReportedAt", nullValue());
    }

    @Test
    void aTokenWithoutAnAgencyCannotReport() {
        IssuedPlan p = issuedPlan();
        TableCounts.assertNothingWritten(
                dataSource,
                () -> report(TestTokens.of("reporter", null), p.snvAssignment(), Map.of("percent", 10))
                        .statusCode(403)
                        .contentType("application/problem+json")
                        .body("detail", containsString("names no agency")),
                TABLES);
    }

    @Test
    void aDistrictWithASubtreeTokenReportsForItsCommune() {
        IssuedPlan p = issuedPlan();
        String districtCode = p.f().code(p.f().world.district);
        String communeCode = p.f().code(p.f().world.commune);

        TableCounts.assertNothingWritten(
                dataSource,
                () -> report(
                                TestTokens.of("reporter", districtCode),
                                p.communeAssignment(),
                                Map.of("percent", 20, "occurrence", "2024-Q1"))
                        .statusCode(403)
                        .body("detail", containsString("may not act for agency " + communeCode)),
                TABLES);
        report(
                        TestTokens.subtree("reporter", districtCode),
                        p.communeAssignment(),
                        Map.of("percent", 20, "occurrence", "2024-Q1"))
                .statusCode(201)
                .body("reportedBy", equalTo("test-reporter-" + districtCode + "-subtree"));
        report(
                        TestTokens.of("reporter", communeCode),
                        p.communeAssignment(),
                        Map.of("percent", 40, "occurrence", "2024-Q1"))
                .statusCode(201)
                .body("reportedBy", equalTo("test-reporter-" + communeCode));
        TableCounts.assertNothingWritten(
                dataSource,
                () -> report(TestTokens.subtree("reporter", communeCode), p.snvAssignment(), Map.of("percent", 40))
                        .statusCode(403),
                TABLES);
    }

    @Test
    void theSubtreeIsTheHierarchyOfTheReportDay() {
        IssuedPlan p = issuedPlan();
        given().contentType(ContentType.JSON)
                .body(Map.of("parentId", p.f().province, "from", "2025-07-01"))
                .header("If-Match", IfMatch.of("/api/agencies/" + p.f().commune))
                .post("/api/agencies/" + p.f().commune + "/moves")
                .then()
                .statusCode(200);
        String districtCode = p.f().code(p.f().world.district);
        String provinceCode = p.f().code(p.f().world.province);

        TableCounts.assertNothingWritten(
                dataSource,
                () -> report(
                                TestTokens.subtree("reporter", districtCode),
                                p.communeAssignment(),
                                Map.of("percent", 30, "occurrence", "2024-Q1"))
                        .statusCode(403)
                        .body("detail", containsString("with the agencies under it")),
                TABLES);
        report(
                        TestTokens.subtree("reporter", provinceCode),
                        p.communeAssignment(),
                        Map.of("percent", 30, "occurrence", "2024-Q1"))
                .statusCode(201);
    }

    @Test
    void theBodyCannotNameTheReporter() {
        IssuedPlan p = issuedPlan();
        String snvCode = p.f().code(p.f().world.homeAffairs);
        TableCounts.assertNothingWritten(
                dataSource,
                () -> report(
                                TestTokens.of("reporter", snvCode),
                                p.snvAssignment(),
                                Map.of("percent", 10, "reportedBy", "nguyen.van.a"))
                        .statusCode(400)
                        .contentType("application/problem+json"),
                TABLES);
    }

    private static ValidatableResponse report(String token, String assignment, Map<String, Object> body) {
        return given().header("Authorization", TestTokens.bearer(token))
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/assignments/" + assignment + "/progress")
                .then();
    }

    private static String assignmentOf(String planId, String agencyId) {
        return given().queryParam("planId", planId)
                .queryParam("agencyId", agencyId)
                .get("/api/assignments")
                .then()
                .statusCode(200)
                .body("items", hasSize(1))
                .extract()
                .path("items[0].id");
    }

    private static List<TaskProgressReported> progressEvents(String planId, int expected) {
        List<ConsumerRecord<String, String>> read = KafkaTestClient.readUntil(
                Topics.PLANS,
                Duration.ofSeconds(30),
                records -> progress(records, planId).size() >= expected);
        return progress(read, planId).stream()
                .map(r -> EventJson.read(r.value(), TaskProgressReported.class))
                .toList();
    }

    private static List<ConsumerRecord<String, String>> progress(
            List<ConsumerRecord<String, String>> records, String planId) {
        return records.stream()
                .filter(r -> planId.equals(r.key()))
                .filter(r ->
                        EventTypes.TASK_PROGRESS_REPORTED.equals(KafkaTestClient.header(r, CloudEventHeaders.TYPE)))
                .toList();
    }
}
