package vn.partracker.indicators.service;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import vn.partracker.indicators.api.RepublishResponse;
import vn.partracker.indicators.domain.Indicator;
import vn.partracker.indicators.domain.Measurement;
import vn.partracker.indicators.messaging.MeasurementEvents;
import vn.partracker.indicators.repository.IndicatorRepository;
import vn.partracker.indicators.repository.MeasurementRepository;
import vn.partracker.support.audit.AuditTrail;
import vn.partracker.support.id.TimeOrderedIds;

/**
 * Re-emits the current state of every indicator and every figure through the outbox, so a consumer with an empty
 * database (a new reporting database, a restored backup, a reset consumer group after the topics' retention) can be
 * rebuilt from the topics alone.
 *
 * <p>Each indicator gets a {@code partracker.indicator.defined} event and each figure a measurement event of the type
 * of its current status ({@link MeasurementMapper#stateType}), both with the full state and the <b>current version</b>
 * (nothing is changed, so no version moves). A consumer that already holds that version ignores the event: the
 * consumers claim every event id and then keep a figure or definition only when its version is newer than the one
 * they hold (reporting-service: {@code MeasurementAggregationService}, {@code old.version() >= state.version()} is
 * skipped), so republishing twice, or republishing to a consumer that is up to date, counts nothing twice.
 *
 * <p>The walk goes in id order in chunks of {@value #CHUNK}, one transaction each, so a large database neither holds
 * one long transaction nor locks writers out. A figure changed while the walk runs gets its own, newer event; the
 * older re-stated one is then ignored by version. The run ends with one audit row ({@code outbox.republished}) with
 * its counts.
 */
@ApplicationScoped
public class RepublishService {

    /** Aggregates re-stated per transaction. */
    static final int CHUNK = 500;

    private final IndicatorRepository indicators;
    private final MeasurementRepository measurements;
    private final IndicatorService indicatorService;
    private final MeasurementEvents measurementEvents;
    private final AuditTrail audit;

    public RepublishService(
            IndicatorRepository indicators,
            MeasurementRepository measurements,
            IndicatorService indicatorService,
            MeasurementEvents measurementEvents,
            AuditTrail audit) {
        this.indicators = indicators;
        this.measurements = measurements;
        this.indicatorService = indicatorService;
        this.measurementEvents = measurementEvents;
        this.audit = audit;
    }

    /** What one chunk re-stated: how many aggregates and the last id, where the next chunk starts. */
    private record Chunk(int count, UUID last) {}

    /**
     * Re-emits every indicator, then every figure, in chunks; answers when the last chunk committed.
     *
     * @return the counts
     */
    public RepublishResponse republishAll() {
        UUID run = TimeOrderedIds.next();
        Instant started = Instant.now();
        long indicatorCount = 0;
        long measurementCount = 0;
        int chunks = 0;
        UUID after = null;
        while (true) {
            UUID from = after;
            Chunk chunk = QuarkusTransaction.requiringNew().call(() -> indicatorChunk(from));
            if (chunk.count() == 0) {
                break;
            }
            chunks++;
            indicatorCount += chunk.count();
            after = chunk.last();
        }
        after = null;
        while (true) {
            UUID from = after;
            Chunk chunk = QuarkusTransaction.requiringNew().call(() -> measurementChunk(from));
            if (chunk.count() == 0) {
                break;
            }
            chunks++;
            measurementCount += chunk.count();
            after = chunk.last();
        }
        RepublishResponse result =
                new RepublishResponse(run, indicatorCount, measurementCount, chunks, started, Instant.now());
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("indicators", indicatorCount);
        summary.put("measurements", measurementCount);
        summary.put("chunks", chunks);
        QuarkusTransaction.requiringNew()
                .run(() -> audit.record("outbox.republished", "Republish", run, null, summary));
        Log.infof(
                "republish %s: %d indicators and %d figures re-emitted in %d chunks",
                run, indicatorCount, measurementCount, chunks);
        return result;
    }

    private Chunk indicatorChunk(UUID after) {
        List<Indicator> chunk = indicators.chunkAfter(after, CHUNK);
        chunk.forEach(indicatorService::publish);
        return new Chunk(chunk.size(), chunk.isEmpty() ? after : chunk.get(chunk.size() - 1).id);
    }

    private Chunk measurementChunk(UUID after) {
        List<Measurement> chunk = measurements.chunkAfter(after, CHUNK);
        measurementEvents.appendAll(chunk.stream()
                .map(m -> new MeasurementEvents.Change(MeasurementMapper.stateType(m), MeasurementMapper.toEvent(m)))
                .toList());
        return new Chunk(chunk.size(), chunk.isEmpty() ? after : chunk.get(chunk.size() - 1).id);
    }
}
