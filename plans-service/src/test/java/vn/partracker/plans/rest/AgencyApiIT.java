package vn.partracker.plans.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.partracker.plans.KonTumAgencies;
import vn.partracker.testsupport.InfrastructureResource;

@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AgencyApiIT {

    @Test
    void createsReadsAndFindsAnAgencyWithoutAccents() {
        String s = KonTumAgencies.suffix();
        String province =
                KonTumAgencies.create("KT.UBND." + s, "UBND tỉnh Kon Tum", "PEOPLES_COMMITTEE", "PROVINCE", null);
        String snv = KonTumAgencies.create("KT.SNV." + s, "Sở Nội vụ", "DEPARTMENT", "PROVINCE", province);

        given().get("/api/agencies/" + snv)
                .then()
                .statusCode(200)
                .header("ETag", "\"0\"")
                .body("name", equalTo("Sở Nội vụ"))
                .body("parentId", equalTo(province))
                .body("kind", equalTo("DEPARTMENT"))
                .body("validTo", nullValue());

        given().queryParam("q", "so noi vu")
                .get("/api/agencies")
                .then()
                .statusCode(200)
                .body("items.code", hasItem("KT.SNV." + s));
        given().queryParam("q", "SỞ NỘI VỤ")
                .get("/api/agencies")
                .then()
                .statusCode(200)
                .body("items.code", hasItem("KT.SNV." + s));
    }

    @Test
    void sameIdempotencyKeyAndBodyCreatesOnce() {
        String s = KonTumAgencies.suffix();
        Map<String, Object> body = KonTumAgencies.body("KT.STP." + s, "Sở Tư pháp", "DEPARTMENT", "PROVINCE", null);
        String first = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "idem-" + s)
                .body(body)
                .post("/api/agencies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        String second = given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "idem-" + s)
                .body(body)
                .post("/api/agencies")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        assertEquals(first, second);

        body.put("name", "Sở Tư pháp tỉnh Kon Tum");
        given().contentType(ContentType.JSON)
                .header("Idempotency-Key", "idem-" + s)
                .body(body)
                .post("/api/agencies")
                .then()
                .statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void updateNeedsTheCurrentVersionAndOnlyOneConcurrentWriterWins() throws Exception {
        String s = KonTumAgencies.suffix();
        String id = KonTumAgencies.create("KT.SXD." + s, "Sở Xây dựng", "DEPARTMENT", "PROVINCE", null);
        Map<String, Object> body = KonTumAgencies.body("KT.SXD." + s, "Sở Xây dựng", "DEPARTMENT", "PROVINCE", null);
        body.put("sectors", List.of("construction"));

        given().contentType(ContentType.JSON)
                .body(body)
                .put("/api/agencies/" + id)
                .then()
                .statusCode(428)
                .contentType("application/problem+json");

        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<Integer>> puts = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                puts.add(() -> given().contentType(ContentType.JSON)
                        .header("If-Match", "\"0\"")
                        .body(body)
                        .put("/api/agencies/" + id)
                        .statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> f : pool.invokeAll(puts)) {
                statuses.add(f.get());
            }
            statuses.sort(Integer::compareTo);
            assertEquals(List.of(200, 412), statuses);
        } finally {
            pool.shutdown();
        }

        given().get("/api/agencies/" + id)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("sectors", equalTo(List.of("construction")));
    }
}
