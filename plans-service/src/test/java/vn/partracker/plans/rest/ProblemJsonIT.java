package vn.partracker.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.partracker.plans.KonTumAgencies;
import vn.partracker.testsupport.InfrastructureResource;

/**
 * Every class of bad input gets a 4xx RFC 9457 problem+json naming what is wrong, and writes nothing: neither an
 * agency row nor an outbox event.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ProblemJsonIT {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void missingRequiredFieldsAreListed() {
        assertNothingWritten(() -> given().contentType(ContentType.JSON)
                .body(Map.of("code", "KT.X." + KonTumAgencies.suffix()))
                .post("/api/agencies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://partracker.vn/problems/validation"))
                .body("status", equalTo(400))
                .body("instance", equalTo("/api/agencies"))
                .body("errors.field", hasItem("name"))
                .body("errors.field", hasItem("kind"))
                .body("errors.field", hasItem("level"))
                .body("errors.field", hasItem("validFrom")));
    }

    @Test
    void domainRulesAreFieldErrors() {
        Map<String, Object> body = KonTumAgencies.body(
                "KT.X." + KonTumAgencies.suffix(),
                "Sở Tài chính",
                "DEPARTMENT",
                "HAMLET",
                UUID.randomUUID().toString());
        body.put("validFrom", "2025-07-01");
        body.put("validTo", "2025-06-30");
        assertNothingWritten(() -> given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/agencies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("validTo"))
                .body("errors.field", hasItem("level"))
                .body("errors.field", hasItem("parentId")));
    }

    @Test
    void unknownResourceIs404() {
        given().get("/api/agencies/" + UUID.randomUUID())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("https://partracker.vn/problems/not-found"))
                .body("detail", containsString("does not exist"));
        given().get("/api/no-such-thing").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void malformedUuidInPathIs4xx() {
        given().get("/api/agencies/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void duplicateCodeIs409() {
        String code = "KT.SKHDT." + KonTumAgencies.suffix();
        KonTumAgencies.create(code, "Sở Kế hoạch và Đầu tư", "DEPARTMENT", "PROVINCE", null);
        assertNothingWritten(() -> given().contentType(ContentType.JSON)
                .body(KonTumAgencies.body(code, "Sở Kế hoạch và Đầu tư", "DEPARTMENT", "PROVINCE", null))
                .post("/api/agencies")
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://partracker.vn/problems/conflict"))
                .body("errors[0].field", equalTo("code")));
    }

    @Test
    void staleIfMatchIs412AndChangesNothing() {
        String code = "KT.STTTT." + KonTumAgencies.suffix();
        String id = KonTumAgencies.create(code, "Sở Thông tin và Truyền thông", "DEPARTMENT", "PROVINCE", null);
        assertNothingWritten(() -> given().contentType(ContentType.JSON)
                .header("If-Match", "\"7\"")
                .body(KonTumAgencies.body(code, "Sở Khoa học và Công nghệ", "DEPARTMENT", "PROVINCE", null))
                .put("/api/agencies/" + id)
                .then()
                .statusCode(412)
                .contentType("application/problem+json")
                .body("type", equalTo("https://partracker.vn/problems/precondition-failed")));
        given().get("/api/agencies/" + id).then().body("name", equalTo("Sở Thông tin và Truyền thông"));
    }

    @Test
    void malformedJsonIs400() {
        assertNothingWritten(() -> given().contentType(ContentType.JSON)
                .body("{\"code\": \"KT.X\", \"name\": ")
                .post("/api/agencies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("https://partracker.vn/problems/malformed-json"))
                .body("detail", notNullValue()));
    }

    @Test
    void wrongContentTypeIs415() {
        assertNothingWritten(() -> given().contentType(ContentType.TEXT)
                .body("code=KT.X")
                .post("/api/agencies")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("application/json")));
    }

    @Test
    void unknownEnumValueNamesFieldAndAllowedValues() {
        Map<String, Object> body =
                KonTumAgencies.body("KT.X." + KonTumAgencies.suffix(), "Bộ Nội vụ", "MINISTRY", "PROVINCE", null);
        assertNothingWritten(() -> given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/agencies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("kind"))
                .body("errors[0].message", containsString("PEOPLES_COMMITTEE")));
    }

    @Test
    void unknownFieldAndWrongTypeAreRejected() {
        Map<String, Object> body =
                KonTumAgencies.body("KT.X." + KonTumAgencies.suffix(), "Sở Y tế", "DEPARTMENT", "PROVINCE", null);
        body.put("nmae", "typo");
        assertNothingWritten(() -> given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/agencies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("nmae"))
                .body("errors[0].message", equalTo("unknown field")));

        Map<String, Object> badDate =
                KonTumAgencies.body("KT.X." + KonTumAgencies.suffix(), "Sở Y tế", "DEPARTMENT", "PROVINCE", null);
        badDate.put("validFrom", "01/01/2020");
        assertNothingWritten(() -> given().contentType(ContentType.JSON)
                .body(badDate)
                .post("/api/agencies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("validFrom")));
    }

    @Test
    void pageSizeAbove500Is400() {
        given().queryParam("size", 501)
                .get("/api/agencies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void methodNotAllowedIs405() {
        given().delete("/api/agencies").then().statusCode(405).contentType("application/problem+json");
    }

    private void assertNothingWritten(Supplier<ValidatableResponse> request) {
        long agenciesBefore = count("SELECT count(*) FROM agency");
        long eventsBefore = count("SELECT count(*) FROM outbox_event");
        request.get();
        assertEquals(agenciesBefore, count("SELECT count(*) FROM agency"), "agency rows");
        assertEquals(eventsBefore, count("SELECT count(*) FROM outbox_event"), "outbox rows");
    }

    private long count(String sql) {
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
