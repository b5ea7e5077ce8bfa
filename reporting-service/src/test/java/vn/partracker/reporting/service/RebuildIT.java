package vn.partracker.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import vn.partracker.events.EventJson;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.MeasurementState;
import vn.partracker.reporting.KonTumFixture;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TableCounts;
import vn.partracker.testsupport.fixtures.TestEvents;

/**
 * A randomized but reproducible (fixed seed) stream of submissions, revisions, approvals, returns, reopenings,
 * duplicate deliveries and stale redeliveries: afterwards the incremental aggregate equals a full rebuild from the
 * figure replica (a rebuild job that finds no difference), and the report equals a model kept by the test.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class RebuildIT {

    private static final long SEED = 20240129L;
    private static final OffsetDateTime MARCH = OffsetDateTime.parse("2024-03-10T09:00:00+07:00");

    @Inject
    AgroalDataSource dataSource;

    /** The test's own model of one figure. */
    private static final class Model {
        final UUID id = UUID.randomUUID();
        final UUID agency;
        final String period;
        long version;
        int revision;
        String status;
        long b;
        long a;

        Model(UUID agency, String period) {
            this.agency = agency;
            this.period = period;
        }
    }

    private record Sent(UUID eventId, String type, UUID key, String json) {}

    @Test
    void incrementalAggregatesEqualARebuildAfterARandomizedStream() {
        KonTumFixture kt = new KonTumFixture();
        Random random = new Random(SEED);
        List<UUID> agencies = List.of(kt.homeAffairs, kt.justice, kt.commune, kt.district);
        List<Model> figures = new ArrayList<>();
        for (UUID agency : agencies) {
            figures.add(new Model(agency, "2024-Q1"));
            figures.add(new Model(agency, "2024-Q2"));
        }
        List<Sent> sent = new ArrayList<>();
        Map<UUID, MeasurementState> stale = new HashMap<>();
        for (int step = 0; step < 100; step++) {
            Model m = figures.get(random.nextInt(figures.size()));
            int roll = random.nextInt(100);
            if (roll < 12 && !sent.isEmpty()) {
                Sent again = sent.get(random.nextInt(sent.size()));
                TestEvents.send(Topics.MEASUREMENTS, again.type(), again.key(), again.eventId(), again.json());
                continue;
            }
            if (roll < 20 && stale.containsKey(m.id)) {
                TestEvents.publishFigure(stale.get(m.id));
                continue;
            }
            if (m.status == null || "RETURNED".equals(m.status) || roll < 55) {
                m.revision++;
                m.b = 1 + random.nextInt(100);
                m.a = m.b + random.nextInt(50);
                m.status = "SUBMITTED";
            } else if (roll < 80) {
                m.status = "APPROVED";
            } else {
                m.status = "RETURNED";
            }
            m.version++;
            MeasurementState state = TestEvents.ratioFigure(
                    m.id, m.version, m.revision, kt.indicator, m.agency, m.period, m.status, m.b, m.a, MARCH);
            if (random.nextBoolean()) {
                stale.put(m.id, state);
            }
            UUID eventId = UUID.randomUUID();
            String type = TestEvents.measurementType(m.status, m.revision, m.version);
            String json = EventJson.write(state);
            TestEvents.send(Topics.MEASUREMENTS, type, m.id, eventId, json);
            sent.add(new Sent(eventId, type, m.id, json));
        }
        for (Model m : figures) {
            if (m.status == null) {
                m.revision = 1;
                m.b = 7;
                m.a = 9;
            }
            m.version++;
            m.status = "SUBMITTED".equals(m.status) ? "APPROVED" : "SUBMITTED";
            TestEvents.publishFigure(TestEvents.ratioFigure(
                    m.id, m.version, m.revision, kt.indicator, m.agency, m.period, m.status, m.b, m.a, MARCH));
        }
        Awaitility.await()
                .atMost(Duration.ofSeconds(60))
                .until(() -> figures.stream()
                        .allMatch(m -> String.valueOf(m.version)
                                .equals(TableCounts.text(
                                        dataSource, "SELECT version::text FROM measurement WHERE id = ?", m.id))));

        JsonPath report = kt.indicatorReport("2024-Q1");
        List<Model> q1 =
                figures.stream().filter(m -> m.period.equals("2024-Q1")).toList();
        assertEquals(q1.stream().filter(m -> !"RETURNED".equals(m.status)).count(), report.getInt("rows[0].submitted"));
        assertEquals(q1.stream().filter(m -> "APPROVED".equals(m.status)).count(), report.getInt("rows[0].approved"));
        assertEquals(
                q1.stream()
                        .filter(m -> !"RETURNED".equals(m.status))
                        .mapToLong(m -> m.b)
                        .sum(),
                report.getLong("rows[0].numeratorSum"));

        JsonPath rebuild = RebuildJobIT.rebuildAndWait();
        assertEquals("SUCCEEDED", rebuild.getString("status"));
        assertEquals(List.of(), rebuild.getList("differences"), "incremental state equals the rebuild");
        assertTrue(rebuild.getInt("figures") >= figures.size());
        JsonPath again = kt.indicatorReport("2024-Q1");
        assertEquals(report.getInt("rows[0].submitted"), again.getInt("rows[0].submitted"));
        assertEquals(report.getFloat("rows[0].value"), again.getFloat("rows[0].value"));
    }
}
