package vn.partracker.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.partracker.localstack.AppService;

/**
 * Fault scenarios, run by {@code ./mvnw verify} after the story ({@code -Pquick} leaves them out locally): each
 * streams figure submissions from concurrent retrying clients while something breaks, then requires every submission
 * answered 2xx to be in the reports exactly once, a rebuild to find no difference and no dead letter. Each prints its
 * recovery time, the events delivered again, the lag until the reports were exact and the maximum lag during recovery
 * ({@link LagSampler}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final String MEASUREMENTS = "partracker.measurements";
    private static final Duration CLIENT_DEADLINE = Duration.ofMinutes(4);

    private E2eStack stack;
    private Api api;
    private StoryWorld world;
    private SubmissionStream stream;
    private int reportingPort;
    private int count;
    private String scenario;
    private LagSampler lag;

    @BeforeAll
    void startStack() throws Exception {
        stack = E2eStack.start();
        Map<AppService, Integer> ports = new EnumMap<>(AppService.class);
        for (AppService service : AppService.values()) {
            ports.put(service, stack.port(service));
        }
        reportingPort = stack.port(AppService.REPORTING);
        api = new Api(stack.http(), stack.tokens(), ports);
        world = new StoryWorld(
                api,
                Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize());
        world.load();
        stream = new SubmissionStream(world);
        count = Integer.getInteger("e2e.stream", 1500);
        // reporting-service must know the monthly indicators before figures for them arrive
        Waits.until(
                "reporting-service to know the monthly indicators",
                Checks.CATCH_UP,
                () -> Reports.row(
                                        Reports.indicatorReport(
                                                api, reportingPort, world.planId, "2024-01", world.rootId),
                                        world.indicators.get("F.1"))
                                .isPresent()
                        ? Optional.of(true)
                        : Optional.empty(),
                () -> "no row yet");
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    /** After every scenario: every figure answered 2xx is in the reports once, a rebuild agrees, nothing dead. */
    @AfterEach
    void everythingAppliedExactlyOnce() throws IOException {
        Map<String, long[]> expected = stream.totals();
        long begin = System.nanoTime();
        try {
            Waits.until(
                    "the monthly reports to hold every streamed figure exactly once",
                    Checks.CATCH_UP,
                    () -> SubmissionStream.same(expected, SubmissionStream.reported(api, reportingPort, world))
                            ? Optional.of(true)
                            : Optional.empty(),
                    () -> "expected " + SubmissionStream.describe(expected) + "\n got "
                            + SubmissionStream.describe(SubmissionStream.reported(api, reportingPort, world)));
        } finally {
            if (lag != null) {
                lag.record(scenario);
                lag = null;
            }
        }
        String name = scenario == null ? "faults" : scenario;
        Measured.record(name, "reports exact again after the stream ended within", Checks.seconds(begin));
        scenario = null;
        Measured.record(name, "answers checked against their OpenAPI document so far", api.checkedAnswers());
        api.requireContractKept();
        Checks.assertRebuildFindsNoDifference(api, reportingPort);
        assertTrue(SubmissionStream.same(expected, SubmissionStream.reported(api, reportingPort, world)));
        Checks.assertDeadLettersEmpty(api, reportingPort);
        Checks.assertDeadLettersEmpty(api, AppService.INDICATORS);
    }

    @Test
    @Order(1)
    void killingReportingServiceMidStreamLeavesExactAggregates() throws Exception {
        long[] replayed = new long[1];
        Duration recovery = runWithFault("kill -9 reporting", () -> {
            JsonNode position = Reports.indicatorReport(api, reportingPort, world.planId, "2024-01", world.rootId)
                    .path("eventPosition");
            stack.kill9("reporting");
            long committed = stack.committed("reporting-service.measurements", MEASUREMENTS);
            replayed[0] = Math.max(0, Checks.position(position, MEASUREMENTS) - committed);
            restart(AppService.REPORTING);
        });
        Measured.record("kill -9 reporting", "kill → ready again (recovery)", recovery);
        Measured.record(
                "kill -9 reporting",
                "measurement events applied but not yet committed at the kill (delivered again), at least",
                replayed[0]);
    }

    @Test
    @Order(2)
    void killingPlansServiceMidStreamChangesNothingElse() throws Exception {
        Duration recovery = runWithFault("kill -9 plans", () -> {
            stack.kill9("plans");
            restart(AppService.PLANS);
        });
        Measured.record("kill -9 plans", "kill → ready again (recovery)", recovery);
        JsonNode tasks = Reports.taskReport(api, reportingPort, world.planId, world.rootId, "2024-06-30");
        assertEquals(
                api.all(AppService.PLANS, "/api/assignments?planId=" + world.planId, api.admin())
                        .size(),
                tasks.path("total").asInt(),
                "assignments after the restart");
    }

    @Test
    @Order(3)
    void kafkaDownForThirtySecondsWhileSubmissionsContinue() throws Exception {
        Duration outage = Duration.ofSeconds(30);
        Duration recovery = runWithFault("Kafka down 30 s", () -> {
            stack.stopKafka();
            // the outage itself: submissions go on against a stopped broker for its whole length
            Waits.pause(outage);
            try {
                stack.startKafka();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        Measured.record("Kafka down 30 s", "broker stop → broker back (incl. 30 s outage)", recovery);
    }

    @Test
    @Order(4)
    void postgresRestartedMidStreamDeadLettersNothing() throws Exception {
        Duration recovery = runWithFault("PostgreSQL restart", () -> {
            try {
                stack.stopPostgres();
                stack.startPostgres();
            } catch (IOException | SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        Measured.record("PostgreSQL restart", "fast shutdown → accepting connections again", recovery);
    }

    @Test
    @Order(5)
    void twoReportingInstancesInOneGroupOneKilledStayExact() throws Exception {
        int port = E2eStack.freePort();
        // same database, same consumer groups: the two share the partitions
        stack.startExtraReporting("reporting-2", port, AppService.REPORTING.database(), Map.of());
        Duration recovery = runWithFault("two reporting, one killed", () -> stack.kill9("reporting-2"));
        Measured.record("two reporting, one killed", "kill of the second instance took", recovery);
        // the survivor takes the killed instance's partitions over; @AfterEach requires the aggregates exact
    }

    @Test
    @Order(6)
    void republishingASecondTimeChangesNothing() throws Exception {
        Map<String, long[]> before = SubmissionStream.reported(api, reportingPort, world);
        JsonNode quarter = Reports.indicatorReport(api, reportingPort, world.planId, "2024", world.rootId);
        api.post(AppService.INDICATORS, "/api/admin/republish", api.admin(), Map.of())
                .expect(200, 202);
        api.post(AppService.PLANS, "/api/admin/republish", api.admin(), Map.of())
                .expect(200, 202);
        Checks.awaitOutboxEmpty(api, AppService.INDICATORS);
        Checks.awaitOutboxEmpty(api, AppService.PLANS);
        long end = stack.topicRecords("partracker.indicators");
        Waits.until(
                "reporting to consume the republished indicator events",
                Checks.CATCH_UP,
                () -> stack.committed("reporting-service.indicators", "partracker.indicators") >= end
                        ? Optional.of(true)
                        : Optional.empty(),
                () -> "committed " + stack.committed("reporting-service.indicators", "partracker.indicators") + " of "
                        + end);
        assertTrue(SubmissionStream.same(before, SubmissionStream.reported(api, reportingPort, world)));
        assertEquals(
                Reports.comparable(quarter),
                Reports.comparable(Reports.indicatorReport(api, reportingPort, world.planId, "2024", world.rootId)));
    }

    @Test
    @Order(7)
    void aServiceStartedWhilePostgresIsDownComesUpOnceItIsBack() throws Exception {
        // reporting-service killed and started again while its database is down: it must wait for the database
        // (Flyway retries the first connection), not exit. Under load a first connection slower than the pool's
        // acquisition timeout made restarted services exit with code 1 in the 10,000-submission runs.
        stack.stopPostgres();
        long begin = System.nanoTime();
        try {
            stack.kill9("reporting");
            stack.startService(AppService.REPORTING);
            Path log = stack.process("reporting").logFile();
            // until the service has met the missing database at least once (however long its boot takes here)
            Waits.until(
                    "reporting-service to meet the missing database",
                    Duration.ofMinutes(5),
                    () -> !stack.process("reporting").isAlive() || retriedConnection(log)
                            ? Optional.of(true)
                            : Optional.empty(),
                    () -> "no connection attempt in " + log + " yet");
            Waits.pause(Duration.ofSeconds(5));
            assertTrue(
                    stack.process("reporting").isAlive(),
                    "reporting-service exited while PostgreSQL was down; see " + log);
        } finally {
            stack.startPostgres();
        }
        Measured.record("start while PostgreSQL down", "PostgreSQL down at the start for", Checks.seconds(begin));
        Duration ready = stack.awaitReady("reporting");
        Measured.record("start while PostgreSQL down", "PostgreSQL back → reporting ready", ready);
    }

    /** Whether the service's log since its last start shows Flyway retrying its first connection. */
    private static boolean retriedConnection(Path log) {
        try {
            String text = java.nio.file.Files.readString(log);
            int start = text.lastIndexOf("restarted by the e2e test");
            return text.indexOf("Retrying in", Math.max(start, 0)) >= 0;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * Streams {@code count} new submissions and runs {@code fault} once a third of them are answered.
     *
     * @return how long the fault took until the broken part was back
     */
    private Duration runWithFault(String scenario, Runnable fault) throws Exception {
        List<SubmissionStream.Submission> submissions = stream.plan(count);
        this.scenario = scenario;
        lag = LagSampler.start(stack, api, reportingPort, world);
        Duration[] took = new Duration[1];
        long topicBefore = stack.topicRecords(MEASUREMENTS);
        int sentBefore = stream.sent().size();
        long begin = System.nanoTime();
        stream.send(
                submissions,
                count / 3,
                () -> {
                    long start = System.nanoTime();
                    fault.run();
                    took[0] = Duration.ofNanos(System.nanoTime() - start);
                },
                CLIENT_DEADLINE);
        Measured.record(scenario, "submissions answered 201", (stream.sent().size() - sentBefore) + " of " + count);
        Measured.record(scenario, "stream duration", Checks.seconds(begin));
        Checks.awaitOutboxEmpty(api, AppService.INDICATORS);
        Measured.record(
                scenario,
                "events the relay published more than once",
                stack.topicRecords(MEASUREMENTS) - topicBefore - count);
        return took[0];
    }

    private void restart(AppService service) {
        try {
            stack.startService(service);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stack.awaitReady(service.shortName());
    }
}
