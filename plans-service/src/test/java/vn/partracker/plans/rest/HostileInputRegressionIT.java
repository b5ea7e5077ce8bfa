package vn.partracker.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import vn.partracker.plans.IfMatch;
import vn.partracker.plans.KonTumAgencies;
import vn.partracker.plans.PlanFixture;
import vn.partracker.support.http.BodySizeLimit;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.http.ChunkedUpload;

/**
 * One regression test per class of hostile input of the issue that applies to plans-service: exponent numbers,
 * numbers beyond the number policy, a huge page, dates beyond the accepted range (JSON, query, CSV cells), a body
 * beyond the size limit, an unclosed CSV quote, and concurrent creates of one agency code. Each checks that nothing
 * was written.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class HostileInputRegressionIT {

    /**
     * Not a speed goal (those are benchmarks): a guard against the defect class these tests cover — input that made
     * a request run for minutes (a quadratic CSV scan, a huge wording parsed). Generous, because the time includes
     * building the multi-megabyte body on a loaded machine; the speed itself is measured in the README's benchmarks.
     */
    private static final long PATHOLOGICAL_NANOS = 30_000_000_000L;

    private static final String[] TABLES = {
        "agency", "agency_parent_link", "agency_group", "plan", "task", "assignment", "progress_update"
    };

    @Inject
    AgroalDataSource dataSource;

    private String progressUrl() {
        PlanFixture f = new PlanFixture();
        String plan = f.createPlan();
        PlanFixture.addTask(
                plan,
                PlanFixture.task(
                        "I", "1", "Công tác cải cách TTHC", Map.of("agencyId", f.snv), "Trước ngày 15/02/2024"));
        given().header("If-Match", IfMatch.of("/api/plans/" + plan))
                .post("/api/plans/" + plan + "/issue")
                .then()
                .statusCode(200);
        String assignment = given().queryParam("planId", plan)
                .get("/api/assignments")
                .then()
                .extract()
                .path("items[0].id");
        return "/api/assignments/" + assignment + "/progress";
    }

    @Test
    void exponentNumbersAre400NamingTheField() {
        String url = progressUrl();
        for (String percent : List.of("1e-999999999", "1e999999999", "-1E+2147483647", "0.0000001e-50")) {
            long began = System.nanoTime();
            nothingWritten(() -> given().contentType(ContentType.JSON)
                    .body("{\"percent\": " + percent + "}")
                    .post(url)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("percent")));
            assertTrue(System.nanoTime() - began < 2_000_000_000L, percent + " took too long");
        }
    }

    @Test
    void numbersBeyondTheRangeAre400NamingTheField() {
        String url = progressUrl();
        nothingWritten(() -> given().contentType(ContentType.JSON)
                .body("{\"percent\": 1234567890123456789012345678901234567890}")
                .post(url)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("percent")));
        nothingWritten(() -> given().contentType(ContentType.JSON)
                .body("{\"code\": \"X" + KonTumAgencies.suffix().toUpperCase(java.util.Locale.ROOT)
                        + "\", \"name\": \"Cấp thôn\", \"order\":" + " 99999999999999999999}")
                .post("/api/agency-levels")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("order")));
        nothingWritten(() -> given().contentType(ContentType.JSON)
                .body("{\"text\": \"Trước ngày 15/02/2024\", \"planYear\": 1e400}")
                .post("/api/timeframes/parse")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("planYear")));
    }

    @Test
    void hugePageIs400() {
        for (String path : List.of("/api/agencies", "/api/plans", "/api/assignments", "/api/agency-groups")) {
            given().queryParam("page", 100_000_000)
                    .queryParam("size", 100)
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("page"));
            for (String page : List.of("99999999999999999999", "abc", "1e3", "-1")) {
                given().queryParam("page", page)
                        .get(path)
                        .then()
                        .statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors.field", hasItem("page"));
            }
            given().queryParam("size", "2147483648")
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("size"));
        }
    }

    @Test
    void wholeNumberFiltersThatAreNotNumbersAre400() {
        given().queryParam("year", "2024'; DROP TABLE plan; --")
                .get("/api/plans")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("year"));
        given().queryParam("year", "2024").get("/api/plans").then().statusCode(200);
    }

    @Test
    void datesBeyondTheRangeAre400() {
        given().queryParam("overdue", true)
                .queryParam("asOf", "+100000000-01-01")
                .get("/api/assignments")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("asOf"));
        given().queryParam("asOf", "2201-01-01")
                .get("/api/agencies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("asOf"));
        Map<String, Object> body =
                KonTumAgencies.body("KT.X." + KonTumAgencies.suffix(), "Sở Tài chính", "DEPARTMENT", "PROVINCE", null);
        body.put("validFrom", "+100000000-01-01");
        nothingWritten(() -> given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/agencies")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("validFrom")));
        String csv = "code,name,kind,level,validFrom,validTo\n" + "KT.X." + KonTumAgencies.suffix()
                + ",Sở Tài chính,DEPARTMENT,PROVINCE,1899-12-31,2201-01-01\n";
        nothingWritten(() -> given().contentType("text/csv")
                .body(csv)
                .post("/api/agencies/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("rows[1].validFrom"))
                .body("errors.field", hasItem("rows[1].validTo")));
    }

    @Test
    void bodiesBeyondTheLimitAre413ExceptOnImports() {
        StringBuilder name = new StringBuilder(1_600_000);
        while (name.length() < 1_500_000) {
            name.append("Sở Nội vụ ");
        }
        Map<String, Object> body =
                KonTumAgencies.body("KT.X." + KonTumAgencies.suffix(), name.toString(), "DEPARTMENT", "PROVINCE", null);
        nothingWritten(() -> given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/agencies")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("status", equalTo(413)));
        Map<String, Object> row = Map.of(
                "code", "KT.X." + KonTumAgencies.suffix(),
                "name", name.toString(),
                "kind", "DEPARTMENT",
                "level", "PROVINCE",
                "validFrom", "2020-01-01");
        nothingWritten(() -> given().contentType(ContentType.JSON)
                .body(List.of(row))
                .post("/api/agencies/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("rows[1].name")));
        String csv = "code,name,kind,level,validFrom\nKT.X." + KonTumAgencies.suffix() + "," + name
                + ",DEPARTMENT,PROVINCE,2020-01-01\n";
        nothingWritten(() -> given().contentType("text/csv")
                .body(csv)
                .post("/api/agencies/import")
                .then()
                .statusCode(not(413))
                .statusCode(400)
                .contentType("application/problem+json"));
        Map<String, Object> plan = new PlanFixture().planBody();
        plan.put("objectives", name.toString());
        nothingWritten(() -> given().contentType(ContentType.JSON)
                .body(plan)
                .post("/api/plans")
                .then()
                .statusCode(413)
                .contentType("application/problem+json"));
    }

    @Test
    void aPlanImportWithHugeTextsIsRejectedQuicklyNamingTheFields() {
        PlanFixture f = new PlanFixture();
        String huge = "Trước ngày 15/02/2024 ".repeat(150_000);
        Map<String, Object> doc = new java.util.HashMap<>();
        doc.put("number", "59/QĐ-UBND." + f.suffix);
        doc.put("title", "Kế hoạch cải cách TTHC năm 2024");
        doc.put("issuer", f.code(f.world.province));
        doc.put("issuedOn", "2024-01-29");
        doc.put("year", 2147483647);
        doc.put("sections", List.of(Map.of("code", "I", "title", "Công tác chỉ đạo, điều hành")));
        doc.put(
                "tasks",
                List.of(Map.of(
                        "sectionCode",
                        "I",
                        "title",
                        "Công tác cải cách TTHC",
                        "leadAgencies",
                        List.of(Map.of("agency", f.code(f.world.homeAffairs))),
                        "timeframe",
                        Map.of("text", huge))));
        long began = System.nanoTime();
        nothingWritten(() -> given().contentType(ContentType.JSON)
                .body(doc)
                .post("/api/plans/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("tasks[0].timeframe.text"))
                .body("errors.field", hasItem("$.year")));
        assertTrue(System.nanoTime() - began < PATHOLOGICAL_NANOS, "rejecting the plan took minutes, as it once did");
    }

    @Test
    void anUnclosedQuoteIsRejectedQuickly() {
        StringBuilder csv = new StringBuilder("code,name,kind,level,validFrom\n\"KT.X,");
        while (csv.length() < 1_000_000) {
            csv.append("Sở Nội vụ,DEPARTMENT,PROVINCE,2020-01-01\n");
        }
        long began = System.nanoTime();
        nothingWritten(() -> given().contentType("text/csv")
                .body(csv.toString())
                .post("/api/agencies/import")
                .then()
                .statusCode(400)
                .contentType("application/problem+json"));
        assertTrue(System.nanoTime() - began < PATHOLOGICAL_NANOS, "rejecting the file took minutes, as it once did");
    }

    @Test
    void concurrentCreatesOfOneCodeAreOne201AndOne409() throws Exception {
        for (int round = 0; round < 5; round++) {
            String code = "KT.RACE." + KonTumAgencies.suffix();
            Map<String, Object> body = KonTumAgencies.body(code, "Sở Nội vụ", "DEPARTMENT", "PROVINCE", null);
            CountDownLatch start = new CountDownLatch(1);
            Callable<Integer> create = () -> {
                start.await();
                var response = given().contentType(ContentType.JSON)
                        .body(body)
                        .post("/api/agencies")
                        .then()
                        .extract();
                if (response.statusCode() >= 400) {
                    assertEquals("application/problem+json", response.contentType());
                }
                return response.statusCode();
            };
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                answers.add(pool.submit(create));
                answers.add(pool.submit(create));
                start.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                statuses.sort(Integer::compare);
                assertEquals(List.of(201, 409), statuses, "round " + round);
            } finally {
                pool.shutdownNow();
            }
            assertEquals(1, TableCounts.count(dataSource, "SELECT count(*) FROM agency WHERE code = ?", code));
            given().get("/api/agencies?q=" + code).then().statusCode(200).body(containsString(code));
        }
    }

    @Test
    void concurrentIssuesOfOnePlanAreOne200AndOne409Or412() throws Exception {
        PlanFixture f = new PlanFixture();
        String plan = f.createPlan();
        PlanFixture.addTask(
                plan,
                PlanFixture.task(
                        "I", "1", "Công tác cải cách TTHC", Map.of("groupId", f.departments), "Trước ngày 15/02/2024"));
        String etag = IfMatch.of("/api/plans/" + plan);
        List<Integer> statuses = concurrently(() -> {
            var response = given().header("If-Match", etag)
                    .post("/api/plans/" + plan + "/issue")
                    .then()
                    .extract();
            if (response.statusCode() >= 400) {
                assertEquals("application/problem+json", response.contentType());
            }
            return response.statusCode();
        });
        // the loser either collides with the winner's write (409) or reads the plan after it (412: stale If-Match)
        assertEquals(200, statuses.get(0));
        assertTrue(statuses.get(1) == 409 || statuses.get(1) == 412, "second answer " + statuses);
        assertEquals(
                2,
                TableCounts.count(
                        dataSource,
                        "SELECT count(*) FROM assignment a JOIN task t ON t.id = a.task_id WHERE t.plan_id = ?::uuid",
                        plan));
    }

    /** {@code dryRun=yes} used to run the import for real and {@code overdue=yes} to mean false: both are a 400. */
    @Test
    void booleanParametersThatAreNeitherTrueNorFalseAreA400() {
        String code = "KT.BOOL." + KonTumAgencies.suffix();
        Map<String, Object> row = Map.of(
                "code",
                code,
                "name",
                "Sở Nội vụ",
                "kind",
                "DEPARTMENT",
                "level",
                "PROVINCE",
                "validFrom",
                "2020-01-01");
        for (String value : List.of("yes", "1", "on", "nope")) {
            nothingWritten(() -> given().contentType(ContentType.JSON)
                    .queryParam("dryRun", value)
                    .body(List.of(row))
                    .post("/api/agencies/import")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("dryRun")));
            nothingWritten(() -> given().contentType("text/csv")
                    .queryParam("dryRun", value)
                    .body("code,name,kind,level,validFrom\n" + code + ",Sở Nội vụ,DEPARTMENT,PROVINCE,2020-01-01\n")
                    .post("/api/agencies/import")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("dryRun")));
            Map<String, Object> plan = new PlanFixture().planBody();
            nothingWritten(() -> given().contentType(ContentType.JSON)
                    .queryParam("dryRun", value)
                    .body(Map.of(
                            "number",
                            plan.get("number"),
                            "title",
                            "Kế hoạch cải cách TTHC năm 2024",
                            "issuer",
                            code,
                            "issuedOn",
                            "2024-01-29",
                            "year",
                            2024))
                    .post("/api/plans/import")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("dryRun")));
            given().queryParam("overdue", value)
                    .get("/api/assignments")
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors.field", hasItem("overdue"));
        }
        given().queryParam("overdue", "TRUE").get("/api/assignments").then().statusCode(200);
    }

    /**
     * A body sent chunked (no Content-Length) is counted while it is read: beyond 1 MB on an ordinary endpoint and
     * beyond 50 MB on an import it is a 413 problem+json, like a declared length (the HTTP layer's own 413 had an
     * empty body).
     */
    @Test
    void chunkedBodiesBeyondTheLimitAreA413ProblemJson() throws Exception {
        long agencies = TableCounts.count(dataSource, "SELECT count(*) FROM agency");
        assertProblem413(
                ChunkedUpload.post(
                        io.restassured.RestAssured.port,
                        "/api/agencies",
                        "application/json",
                        "{",
                        (byte) ' ',
                        3_000_000),
                BodySizeLimit.DEFAULT_LIMIT);
        assertProblem413(
                ChunkedUpload.post(
                        io.restassured.RestAssured.port,
                        "/api/agencies/import",
                        "application/json",
                        "[",
                        (byte) ' ',
                        60_000_000),
                BodySizeLimit.IMPORT_LIMIT);
        assertProblem413(
                ChunkedUpload.post(
                        io.restassured.RestAssured.port,
                        "/api/agencies/import",
                        "text/csv",
                        "code,name\n",
                        (byte) ' ',
                        60_000_000),
                BodySizeLimit.IMPORT_LIMIT);
        assertEquals(agencies, TableCounts.count(dataSource, "SELECT count(*) FROM agency"));
    }

    private static void assertProblem413(ChunkedUpload.Answer answer, long limit) {
        assertEquals(413, answer.status(), answer.headers() + answer.body());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.headers());
        assertTrue(answer.body().contains("\"status\":413"), answer.body());
        assertTrue(answer.sent() < limit + 8L * 1024 * 1024, "refused soon after the limit, not at the end");
    }

    /**
     * Two agency imports of the same new codes at once (JSON, then CSV, then one of each): each answers 200 or 409
     * problem+json, never 500, and each code exists once.
     */
    @Test
    void overlappingAgencyImportsOfTheSameNewCodesStoreEachCodeOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            String prefix = "KT.OVL" + round + "." + KonTumAgencies.suffix();
            List<Map<String, Object>> rows = new ArrayList<>();
            StringBuilder csv = new StringBuilder("code,name,kind,level,validFrom\n");
            for (int i = 0; i < 20; i++) {
                rows.add(Map.of(
                        "code", prefix + "." + i,
                        "name", "Phòng " + i,
                        "kind", "DEPARTMENT",
                        "level", "PROVINCE",
                        "validFrom", "2020-01-01"));
                csv.append(prefix)
                        .append('.')
                        .append(i)
                        .append(",Phòng ")
                        .append(i)
                        .append(",DEPARTMENT,PROVINCE,2020-01-01\n");
            }
            int kind = round;
            AtomicInteger turn = new AtomicInteger();
            List<Integer> statuses = concurrently(() -> {
                boolean asCsv = kind == 1 || (kind == 2 && turn.getAndIncrement() == 0);
                var response = (asCsv
                                ? given().contentType("text/csv").body(csv.toString())
                                : given().contentType(ContentType.JSON).body(rows))
                        .post("/api/agencies/import")
                        .then()
                        .extract();
                if (response.statusCode() >= 300) {
                    assertEquals(409, response.statusCode(), response.asString());
                    assertEquals("application/problem+json", response.contentType());
                }
                return response.statusCode();
            });
            assertTrue(statuses.contains(200), "round " + round + ": " + statuses);
            assertEquals(
                    20,
                    TableCounts.count(dataSource, "SELECT count(*) FROM agency WHERE code LIKE ?", prefix + ".%"),
                    "round " + round + ": " + statuses);
            assertEquals(
                    20,
                    TableCounts.count(
                            dataSource, "SELECT count(DISTINCT code) FROM agency WHERE code LIKE ?", prefix + ".%"));
        }
    }

    /** Runs {@code request} twice at once, waits for both, and returns the two statuses in ascending order. */
    private static List<Integer> concurrently(Callable<Integer> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        Callable<Integer> gated = () -> {
            start.await();
            return request.call();
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> answers = List.of(pool.submit(gated), pool.submit(gated));
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            ExecutionException failure = null;
            for (Future<Integer> answer : answers) {
                try {
                    statuses.add(answer.get());
                } catch (ExecutionException e) {
                    // wait for the other request too, so it cannot run on into the next test
                    failure = failure == null ? e : failure;
                }
            }
            if (failure != null) {
                throw failure;
            }
            statuses.sort(Integer::compare);
            return statuses;
        } finally {
            pool.shutdownNow();
        }
    }

    private void nothingWritten(Supplier<ValidatableResponse> request) {
        TableCounts.assertNothingWritten(dataSource, request, TABLES);
    }

    /**
     * A body declared beyond the 50 MB import limit is refused before it is read, with problem+json (the HTTP layer's
     * own refusal had an empty body). Sent over a raw socket: only the headers, no 60 MB.
     */
    @Test
    void aBodyDeclaredBeyondTheImportLimitIsRefusedWithProblemJson() throws Exception {
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(5_000);
            socket.getOutputStream()
                    .write(("POST /api/agencies/import HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json"
                                    + "\r\nContent-Length: 60000000\r\n\r\n{")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            StringBuilder received = new StringBuilder();
            byte[] buffer = new byte[1024];
            while (!received.toString().endsWith("}")) {
                int n = socket.getInputStream().read(buffer);
                if (n < 0) {
                    break;
                }
                received.append(new String(buffer, 0, n, java.nio.charset.StandardCharsets.UTF_8));
            }
            String answer = received.toString();
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(
                    answer.toLowerCase(java.util.Locale.ROOT).contains("content-type: application/problem+json"),
                    answer);
            assertTrue(answer.contains("\"status\":413"), answer);
        }
    }
}
