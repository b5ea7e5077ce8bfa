package vn.partracker.reporting.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import vn.partracker.events.EventJson;
import vn.partracker.events.Topics;
import vn.partracker.events.payload.MeasurementState;
import vn.partracker.reporting.domain.aggregate.IndicatorAggregate;
import vn.partracker.reporting.repository.IndicatorAggregateRepository;
import vn.partracker.reporting.repository.IndicatorAggregateRepository.Key;
import vn.partracker.reporting.repository.MeasurementReplicaRepository;
import vn.partracker.reporting.repository.MeasurementReplicaRepository.StoredFigure;
import vn.partracker.support.consumer.IncomingEvent;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.fixtures.TestEvents;

/**
 * Two reporting instances that share a partition after a rebalance: two threads call the measurement service at the
 * same time with v1, v2 and v3 of the same figures in different orders, in batches of one to three events, with
 * duplicate deliveries, while a rebuild job replaces the aggregates indicator by indicator. Afterwards every figure is
 * at v3 and every aggregate row equals the recomputation from the figure rows and the test's own model (v3 of every
 * figure, nothing of v1 or v2 left over).
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class ConcurrentAppliersIT {

    private static final long SEED = 20241101L;
    private static final int FIGURES = 60;
    private static final OffsetDateTime MARCH = OffsetDateTime.parse("2024-03-10T09:00:00+07:00");

    @Inject
    MeasurementAggregationService service;

    @Inject
    MeasurementReplicaRepository measurements;

    @Inject
    IndicatorAggregateRepository aggregates;

    private final AtomicLong offsets = new AtomicLong(1_000_000);

    @Test
    void twoAppliersOfTheSameFiguresLeaveTheAggregatesEqualToARecomputation() throws Exception {
        Random random = new Random(SEED);
        UUID indicator = UUID.randomUUID();
        List<UUID> agencies = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        Map<UUID, MeasurementState> finalStates = new HashMap<>();
        List<List<IncomingEvent>> rounds = new ArrayList<>();
        for (int f = 0; f < FIGURES; f++) {
            UUID id = UUID.randomUUID();
            UUID agency = agencies.get(f % agencies.size());
            String period = f % 2 == 0 ? "2024-Q1" : "2024-Q2";
            List<IncomingEvent> versions = new ArrayList<>();
            for (int v = 1; v <= 3; v++) {
                String status = v == 2 ? "RETURNED" : v == 3 ? "APPROVED" : "SUBMITTED";
                long b = 10 + random.nextInt(90);
                long a = b + random.nextInt(40);
                MeasurementState state =
                        TestEvents.ratioFigure(id, v, v == 3 ? 2 : 1, indicator, agency, period, status, b, a, MARCH);
                versions.add(event(state));
                if (v == 3) {
                    finalStates.put(id, state);
                }
            }
            rounds.add(versions);
        }
        List<List<IncomingEvent>> first = new ArrayList<>();
        List<List<IncomingEvent>> second = new ArrayList<>();
        for (List<IncomingEvent> versions : rounds) {
            List<IncomingEvent> a = new ArrayList<>(versions);
            List<IncomingEvent> b = new ArrayList<>(versions);
            b.add(versions.get(random.nextInt(3)));
            Collections.shuffle(a, random);
            Collections.shuffle(b, random);
            first.add(a);
            second.add(b);
        }

        ExecutorService pool = Executors.newFixedThreadPool(3);
        CyclicBarrier barrier = new CyclicBarrier(2);
        long began = System.nanoTime();
        try {
            Future<Integer> one = pool.submit(() -> play(first, barrier, new Random(SEED + 1)));
            Future<Integer> two = pool.submit(() -> play(second, barrier, new Random(SEED + 2)));
            Future<String> rebuild = pool.submit(() -> {
                measurementsAppear(indicator);
                return RebuildJobIT.rebuildAndWait().getString("status");
            });
            int failures = one.get(300, TimeUnit.SECONDS) + two.get(300, TimeUnit.SECONDS);
            assertEquals(0, failures, "no event failed to apply");
            assertEquals("SUCCEEDED", rebuild.get(300, TimeUnit.SECONDS), "the rebuild ran beside the appliers");
            io.quarkus.logging.Log.infof(
                    "two appliers: %d events of %d figures applied in %d ms",
                    first.stream().mapToInt(List::size).sum()
                            + second.stream().mapToInt(List::size).sum(),
                    FIGURES,
                    (System.nanoTime() - began) / 1_000_000);
        } finally {
            pool.shutdownNow();
        }

        Map<UUID, StoredFigure> stored = new HashMap<>();
        for (StoredFigure f : measurements.all()) {
            if (indicator.equals(f.state().indicatorId())) {
                stored.put(f.id(), f);
            }
        }
        assertEquals(FIGURES, stored.size());
        stored.values().forEach(f -> assertEquals(3L, f.version(), "figure " + f.id() + " ends at v3"));

        Map<Key, IndicatorAggregate> recomputed = new HashMap<>();
        stored.values()
                .forEach(f -> recomputed.merge(
                        new Key(indicator, f.state().period(), f.state().agencyId()),
                        IndicatorAggregate.of(f.state()),
                        IndicatorAggregate::plus));
        Map<Key, IndicatorAggregate> model = new HashMap<>();
        finalStates
                .values()
                .forEach(s -> model.merge(
                        new Key(indicator, s.period(), s.agencyId()),
                        IndicatorAggregate.of(MeasurementAggregationService.figure(s)),
                        IndicatorAggregate::plus));
        Map<Key, IndicatorAggregate> incremental = new HashMap<>();
        aggregates.all().forEach((k, v) -> {
            if (indicator.equals(k.indicatorId())) {
                incremental.put(k, v);
            }
        });
        assertEquals(6, incremental.size(), "3 agencies x 2 periods");
        for (Key key : incremental.keySet()) {
            IndicatorAggregate was = incremental.get(key);
            assertTrue(
                    was.minus(recomputed.getOrDefault(key, IndicatorAggregate.ZERO))
                            .isZero(),
                    "row " + key + " equals the recomputation: " + was + " vs " + recomputed.get(key));
            assertTrue(
                    was.minus(model.getOrDefault(key, IndicatorAggregate.ZERO)).isZero(),
                    "row " + key + " equals the model");
        }
    }

    /** Waits until the appliers stored a few figures, so that the rebuild overlaps them. */
    private void measurementsAppear(UUID indicator) throws InterruptedException {
        while (measurements.ofIndicator(indicator).size() < FIGURES / 4) {
            Thread.sleep(20);
        }
    }

    /** Applies the rounds, meeting the other applier at the start of each so that both work on the same figures. */
    private int play(List<List<IncomingEvent>> rounds, CyclicBarrier barrier, Random random) throws Exception {
        int failures = 0;
        for (List<IncomingEvent> round : rounds) {
            barrier.await(30, TimeUnit.SECONDS);
            int i = 0;
            while (i < round.size()) {
                int size = Math.min(round.size() - i, 1 + random.nextInt(3));
                failures += service.apply(round.subList(i, i + size)).failures().size();
                i += size;
            }
        }
        return failures;
    }

    private IncomingEvent event(MeasurementState state) {
        return new IncomingEvent(
                UUID.randomUUID(),
                TestEvents.measurementType(state.status(), state.revision(), state.version()),
                "/indicators-service",
                state.id().toString(),
                MARCH,
                Topics.MEASUREMENTS + ".concurrent-test",
                0,
                offsets.incrementAndGet(),
                state.id().toString(),
                EventJson.write(state));
    }
}
