package vn.partracker.plans.rest;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import vn.partracker.plans.KonTumAgencies;
import vn.partracker.plans.PlanFixture;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;

/**
 * Audit rows are written unchained by each write and chained after its commit (service-support
 * {@code AuditSealer}): concurrent writes each get exactly one row, in one gapless chain, chained before their
 * answer is sent; a rolled-back write leaves neither a row nor a gap; a write outside a request is chained by the
 * sealer's own thread.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class AuditSealingIT {

    private static final int WRITERS = 8;
    private static final int AGENCIES = 48;

    @Inject
    AgroalDataSource dataSource;

    @Inject
    AuditTrail audit;

    @Test
    void concurrentWritesAreEachChainedOnceBeforeTheirAnswer() throws Exception {
        PlanFixture f = new PlanFixture();
        long before = TableCounts.count(dataSource, "SELECT count(*) FROM audit_entry");
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<Long>> chainedAtAnswer = new ArrayList<>();
            for (int i = 0; i < AGENCIES; i++) {
                String code = "KT.XA" + i + "." + f.suffix;
                chainedAtAnswer.add(pool.submit(() -> {
                    String id = RestAssured.given()
                            .contentType("application/json")
                            .body(KonTumAgencies.body(
                                    code, "UBND xã " + code, "PEOPLES_COMMITTEE", "COMMUNE", f.district))
                            .post("/api/agencies")
                            .then()
                            .statusCode(201)
                            .extract()
                            .path("id");
                    return TableCounts.count(
                            dataSource,
                            "SELECT count(*) FROM audit_entry WHERE entity_type = 'Agency' AND entity_id = ?",
                            id);
                }));
            }
            for (Future<Long> rows : chainedAtAnswer) {
                assertEquals(1L, rows.get(), "rows of an answered agency creation already in the chain");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(AGENCIES, TableCounts.count(dataSource, "SELECT count(*) FROM audit_entry") - before);
        assertEquals(0L, TableCounts.count(dataSource, "SELECT count(*) FROM audit_pending"));
        assertGapless();
        RestAssured.given().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void aRolledBackWriteLeavesNoRowAndNoGapAndABackgroundWriteIsChainedByTheSealer() throws Exception {
        long lastSeq = TableCounts.count(dataSource, "SELECT coalesce(max(seq), 0) FROM audit_entry");
        QuarkusTransaction.begin();
        audit.record("test.rolled-back", "AuditProbe", "rolled-back", null, Map.of("n", 1));
        QuarkusTransaction.rollback();
        Thread writer = new Thread(() -> QuarkusTransaction.requiringNew()
                .run(() -> audit.record("test.committed", "AuditProbe", "committed", null, Map.of("n", 2))));
        writer.start();
        writer.join();

        long deadline = System.nanoTime() + 30_000_000_000L;
        while (TableCounts.count(dataSource, "SELECT count(*) FROM audit_pending") > 0
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0L, TableCounts.count(dataSource, "SELECT count(*) FROM audit_pending"), "chained by the sealer");
        assertEquals(
                0L,
                TableCounts.count(dataSource, "SELECT count(*) FROM audit_entry WHERE action = 'test.rolled-back'"));
        assertEquals(
                lastSeq + 1,
                TableCounts.count(dataSource, "SELECT seq FROM audit_entry WHERE action = 'test.committed'"),
                "the committed row follows the last one, no gap for the rolled-back one");
        assertGapless();
        RestAssured.given().get("/api/audit/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    private void assertGapless() {
        long rows = TableCounts.count(dataSource, "SELECT count(*) FROM audit_entry");
        long first = TableCounts.count(dataSource, "SELECT coalesce(min(seq), 1) FROM audit_entry");
        long last = TableCounts.count(dataSource, "SELECT coalesce(max(seq), 0) FROM audit_entry");
        assertTrue(rows == 0 || (first == 1 && last == rows), "seq 1.." + last + " holds " + rows + " rows");
    }
}
