package vn.partracker.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.partracker.events.EventJson;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.MeasurementState;
import vn.partracker.reporting.domain.aggregate.IndicatorAggregate;
import vn.partracker.reporting.repository.IndicatorAggregateRepository;
import vn.partracker.reporting.repository.IndicatorAggregateRepository.Key;
import vn.partracker.support.consumer.IncomingEvent;
import vn.partracker.support.jdbc.Jdbc;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TestEvents;

/**
 * The measurement consumer claims a batch's event ids in one statement: an event repeated inside one batch, a batch
 * delivered again, and a batch that mixes new events with already applied ones each count every figure exactly once.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class BatchDeduplicationIT {

    private static final OffsetDateTime MARCH = OffsetDateTime.parse("2024-03-10T09:00:00+07:00");

    @Inject
    MeasurementAggregationService service;

    @Inject
    IndicatorAggregateRepository aggregates;

    @Inject
    Jdbc jdbc;

    private final AtomicLong offsets = new AtomicLong(2_000_000);

    @Test
    void repeatedAndRedeliveredEventsOfABatchCountOnce() {
        UUID indicator = UUID.randomUUID();
        UUID agency = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        IncomingEvent firstV1 = event(figure(first, 1, indicator, agency, "SUBMITTED", 90, 100));
        IncomingEvent secondV1 = event(figure(second, 1, indicator, agency, "SUBMITTED", 30, 40));

        MeasurementAggregationService.BatchOutcome once =
                service.apply(List.of(firstV1, secondV1, firstV1, secondV1, firstV1));
        assertEquals(List.of(), once.failures());
        assertEquals(2, once.changed(), "each figure changed once although its event came two or three times");
        IndicatorAggregate afterFirst = row(indicator, agency);
        assertEquals(2, afterFirst.submitted());
        assertEquals(0, new BigDecimal("120").compareTo(afterFirst.numeratorSum()));
        assertEquals(0, new BigDecimal("140").compareTo(afterFirst.denominatorSum()));

        MeasurementAggregationService.BatchOutcome again = service.apply(List.of(secondV1, firstV1));
        assertEquals(0, again.changed(), "a redelivered batch changes nothing");
        assertEquals(afterFirst, row(indicator, agency));

        IncomingEvent firstV2 = event(figure(first, 2, indicator, agency, "APPROVED", 95, 100));
        MeasurementAggregationService.BatchOutcome mixed = service.apply(List.of(firstV1, firstV2, firstV2, secondV1));
        assertEquals(1, mixed.changed(), "only the new revision applies");
        IndicatorAggregate afterMixed = row(indicator, agency);
        assertEquals(2, afterMixed.submitted());
        assertEquals(1, afterMixed.approved());
        assertEquals(0, new BigDecimal("125").compareTo(afterMixed.numeratorSum()));
        assertEquals(0, new BigDecimal("140").compareTo(afterMixed.denominatorSum()));

        assertEquals(
                3,
                jdbc.queryOne(
                                "SELECT count(*) AS n FROM processed_event WHERE consumer = ? AND event_id = ANY(?)",
                                rs -> rs.getInt("n"),
                                MeasurementAggregationService.CONSUMER,
                                Jdbc.uuids(List.of(firstV1.id(), secondV1.id(), firstV2.id())))
                        .orElseThrow(),
                "one claim per event id");
    }

    private IndicatorAggregate row(UUID indicator, UUID agency) {
        Map<Key, IndicatorAggregate> rows = aggregates.ofIndicator(indicator);
        assertEquals(1, rows.size());
        return rows.get(new Key(indicator, "2024-Q1", agency));
    }

    private static MeasurementState figure(
            UUID id, int version, UUID indicator, UUID agency, String status, long b, long a) {
        return TestEvents.ratioFigure(id, version, 1, indicator, agency, "2024-Q1", status, b, a, MARCH);
    }

    private IncomingEvent event(MeasurementState state) {
        return new IncomingEvent(
                UUID.randomUUID(),
                TestEvents.measurementType(state.status(), state.revision(), state.version()),
                "/indicators-service",
                state.id().toString(),
                MARCH,
                Topics.MEASUREMENTS + ".dedup-test",
                0,
                offsets.incrementAndGet(),
                state.id().toString(),
                EventJson.write(state));
    }
}
