package vn.partracker.reporting.rest;

import static io.restassured.RestAssured.given;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import vn.partracker.reporting.KonTumFixture;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fuzz.HostileInputContract;
import vn.partracker.testsupport.fuzz.HostileInputProfile;

/**
 * The shared hostile-input fuzzer against reporting-service, on a database of its own with the Kon Tum world, one
 * regime expecting the departments and the district, so that known ids lead requests past the 404s.
 */
@QuarkusTest
@TestProfile(HostileInputProfile.class)
@WithTestResource(InfrastructureResource.class)
class HostileInputIT extends HostileInputContract {

    private static KonTumFixture world;
    private static String regime;

    @Inject
    AgroalDataSource dataSource;

    @BeforeEach
    void createTheWorld() {
        if (world != null) {
            return;
        }
        world = new KonTumFixture();
        regime = given().contentType("application/json")
                .body("""
                        {"code": "KT.BC-FUZZ-%s", "name": "Báo cáo công tác kiểm soát TTHC hằng quý",
                         "frequency": "QUARTERLY", "rule": "ND09", "recipientAgencyId": "%s",
                         "deadlineOffsets": {"PROVINCE": 5, "DISTRICT": 3}, "planIds": ["%s"]}
                        """.formatted(world.suffix, world.office, world.plan))
                .post("/api/report-regimes")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().contentType("application/json")
                .body("""
                        {"validFrom": "2024-01-01", "agencies": [{"groupId": "%s"}, {"agencyId": "%s"}]}
                        """.formatted(world.departments, world.district))
                .post("/api/report-regimes/" + regime + "/expected-agencies")
                .then()
                .statusCode(201);
    }

    @Override
    protected DataSource dataSource() {
        return dataSource;
    }

    @Override
    protected List<String> knownIds() {
        return List.of(
                regime,
                world.plan.toString(),
                world.province.toString(),
                world.homeAffairs.toString(),
                world.district.toString(),
                world.departments.toString(),
                world.indicator.toString());
    }

    /**
     * {@code POST /api/admin/rebuild} is skipped because it legitimately writes on every call: it queues a
     * {@code rebuild_job} row, and the job deletes each indicator's {@code indicator_contribution} rows and inserts
     * the recomputed ones with a fresh {@code updated_at} ({@code RebuildService.rebuildIndicator},
     * {@code IndicatorAggregateRepository.replaceIndicator}), so the tables' checksums change even when nothing
     * differed.
     * It takes no parameter and no body, so there is no input of its own to fuzz; the unknown query parameters and
     * hostile headers it could receive are sent to every other operation.
     */
    @Override
    protected Set<String> skippedOperations() {
        return Set.of("POST /api/admin/rebuild");
    }
}
