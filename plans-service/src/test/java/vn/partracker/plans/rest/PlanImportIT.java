package vn.partracker.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import vn.partracker.plans.PlanFixture;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;

/** Plan import: a dry run lists every problem; a bad document writes nothing; groups by code or unique name. */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class PlanImportIT {

    private static final String[] TABLES = {"plan", "task", "assignment", "plan_amendment"};

    @Inject
    AgroalDataSource dataSource;

    private static Map<String, Object> task(String ordinal, List<Map<String, String>> leads, String timeframe) {
        Map<String, Object> task = new HashMap<>();
        task.put("sectionCode", "I");
        task.put("ordinal", ordinal);
        task.put("title", "Rà soát, đánh giá TTHC năm 2024 trên địa bàn tỉnh");
        task.put("leadAgencies", leads);
        task.put("timeframe", Map.of("text", timeframe));
        return task;
    }

    private static Map<String, Object> document(PlanFixture f, List<Map<String, Object>> tasks) {
        Map<String, Object> doc = new HashMap<>();
        doc.put("number", "59/QĐ-UBND." + f.suffix);
        doc.put("title", "Kế hoạch cải cách TTHC năm 2024");
        doc.put("issuer", f.code(f.world.province));
        doc.put("issuedOn", "2024-01-29");
        doc.put("year", 2024);
        doc.put("sections", List.of(Map.of("code", "I", "title", "Công tác chỉ đạo, điều hành")));
        doc.put("tasks", tasks);
        doc.put("issue", true);
        return doc;
    }

    @Test
    void aDryRunReportsEveryProblemAndABadDocumentWritesNothing() {
        PlanFixture f = new PlanFixture();
        Map<String, Object> bad = task("1", List.of(Map.of("agency", "KT.NOWHERE")), "Tháng 5/2024");
        bad.put("sectionCode", "XX");
        bad.put("field", "NOPE");
        Map<String, Object> noTitle = task("2", List.of(Map.of("group", "Không có nhóm này")), "Thường xuyên");
        noTitle.remove("title");
        Map<String, Object> doc = document(f, List.of(bad, noTitle));
        doc.put("issuer", "KT.NO-ISSUER");

        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().contentType(ContentType.JSON)
                        .queryParam("dryRun", true)
                        .body(doc)
                        .post("/api/plans/import")
                        .then()
                        .statusCode(200)
                        .body("valid", equalTo(false))
                        .body("problems", hasSize(6))
                        .body("problems.path", hasItems("$", "tasks[0]", "tasks[1]"))
                        .body(
                                "problems.field",
                                hasItems(
                                        "issuer",
                                        "sectionCode",
                                        "field",
                                        "leadAgencies[0].agency",
                                        "title",
                                        "leadAgencies[0].group")),
                TABLES);
        TableCounts.assertNothingWritten(
                dataSource,
                () -> given().contentType(ContentType.JSON)
                        .body(doc)
                        .post("/api/plans/import")
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body(
                                "errors.field",
                                hasItems("$.issuer", "tasks[0].leadAgencies[0].agency", "tasks[1].title")),
                TABLES);
    }

    @Test
    void groupsAreFoundByCodeOrUniqueNameAndIssuedOnImport() {
        PlanFixture f = new PlanFixture();
        Map<String, Object> doc = document(
                f,
                List.of(
                        task("1", List.of(Map.of("group", "SBN." + f.suffix)), "Trước ngày 16/02/2024"),
                        task("2", List.of(Map.of("agency", f.code(f.world.office))), "Khi có phát sinh")));
        given().contentType(ContentType.JSON)
                .body(doc)
                .post("/api/plans/import")
                .then()
                .statusCode(201)
                .body("status", equalTo("ISSUED"))
                .body("tasks", equalTo(2))
                .body("structuredTimeframes", equalTo(2))
                .body("assignments", equalTo(3));

        new PlanFixture();
        Map<String, Object> ambiguous =
                document(f, List.of(task("1", List.of(Map.of("group", "Các sở, ban ngành")), "Tháng 5/2024")));
        ambiguous.put("number", "60/QĐ-UBND." + f.suffix);
        given().contentType(ContentType.JSON)
                .queryParam("dryRun", true)
                .body(ambiguous)
                .post("/api/plans/import")
                .then()
                .statusCode(200)
                .body("valid", equalTo(false))
                .body("problems.message", hasItem(containsString("several groups")));

        given().contentType(ContentType.JSON)
                .body(document(
                        f, List.of(task("1", List.of(Map.of("agency", f.code(f.world.homeAffairs))), "Tháng 5/2024"))))
                .post("/api/plans/import")
                .then()
                .statusCode(400)
                .body("errors.field", hasItem("$.number"));
    }
}
