package vn.partracker.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
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
 * The Kon Tum 2024 story over HTTP only, against PostgreSQL, Kafka and the three services running as separate
 * processes: agencies, plan 59/QĐ-UBND with its tasks and indicators, Q1 and Q2 figures of 2024 from twelve and ten
 * agencies (one returned and resubmitted, one reopened and revised after approval, one returned and left so), task
 * progress; the indicator, task and completeness reports must equal what this test computes from what it sent. Then:
 * a rebuild finds no difference; a kill -9 of indicators-service in the middle of a stream of submissions loses and
 * doubles nothing; republishing everything twice changes no report; and a second reporting-service with an empty
 * database and new consumer groups rebuilds the same reports from the topics.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class KonTumStoryIT {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final String AS_OF = "2024-06-30";

    /** ND09 (Article 12): a quarter's figures run from the 15th of the month before it to the 14th of its last month. */
    private static final Map<String, LocalDate[]> WINDOWS = Map.of(
            "2024-Q1", new LocalDate[] {LocalDate.of(2023, 12, 15), LocalDate.of(2024, 3, 14)},
            "2024-Q2", new LocalDate[] {LocalDate.of(2024, 3, 15), LocalDate.of(2024, 6, 14)});

    private E2eStack stack;
    private Api api;
    private StoryWorld world;
    private final Expected ledger = new Expected();
    /** Ledger key → the service's last answer for that figure (its id and ETag). */
    private final Map<String, Api.Answer> figures = new HashMap<>();

    private final Map<String, JsonNode> assignmentsBefore = new LinkedHashMap<>();
    private final Map<String, String> progressStatus = new HashMap<>();
    private SubmissionStream stream;
    private int reportingPort;

    @BeforeAll
    void startStack() throws Exception {
        long begin = System.nanoTime();
        stack = E2eStack.start();
        Map<AppService, Integer> ports = new EnumMap<>(AppService.class);
        for (AppService service : AppService.values()) {
            ports.put(service, stack.port(service));
        }
        reportingPort = stack.port(AppService.REPORTING);
        api = new Api(stack.http(), stack.tokens(), ports);
        Measured.record("stack", "PostgreSQL, Kafka and three services ready after", Checks.seconds(begin));
        long load = System.nanoTime();
        world = new StoryWorld(
                api,
                Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize());
        world.load();
        stream = new SubmissionStream(world);
        Measured.record("story", "Kon Tum documents and story indicators loaded in", Checks.seconds(load));
    }

    /** Every answer the test got from an {@code /api} operation matched the service's own OpenAPI document. */
    @AfterEach
    void answersKeptTheirDocuments() {
        api.requireContractKept();
    }

    @AfterAll
    void stopStack() {
        if (api != null) {
            Measured.record("story", "answers checked against their OpenAPI document", api.checkedAnswers());
        }
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void theKonTumStoryAddsUpInEveryReport() throws Exception {
        List<String> sbn = world.groupMembers.get("KT.SBN");
        List<String> huyen = world.groupMembers.get("KT.UBND-HUYEN");
        assertEquals(18, sbn.size(), "the document's departments and boards");
        assertEquals(10, huyen.size(), "the document's district committees");

        // Q1: twelve agencies report the on-time ratio, six departments the reviewed-procedures count
        for (int i = 0; i < 12; i++) {
            String agency = i < 8 ? sbn.get(i) : huyen.get(i - 8);
            int a = 200 + 13 * i;
            submitRatio("VI.1", "2024-Q1", agency, a - (i % 3 == 0 ? 20 : 3), a);
        }
        for (int i = 0; i < 6; i++) {
            submitValue("VI.2", "2024-Q1", sbn.get(i), i + 1);
        }
        // Q2: ten agencies, five departments
        for (int i = 0; i < 10; i++) {
            String agency = i < 7 ? sbn.get(i) : huyen.get(i - 7);
            int a = 300 + 11 * i;
            submitRatio("VI.1", "2024-Q2", agency, a - (i % 4 == 1 ? 30 : 2), a);
        }
        for (int i = 0; i < 5; i++) {
            submitValue("VI.2", "2024-Q2", sbn.get(i), 2 * i + 1);
        }

        // reviews by the evaluating agency (Văn phòng UBND tỉnh)
        review("VI.1", "2024-Q1", sbn.get(0), "approve", "APPROVED");
        review("VI.1", "2024-Q1", sbn.get(2), "approve", "APPROVED");
        review("VI.1", "2024-Q1", sbn.get(3), "approve", "APPROVED");
        review("VI.1", "2024-Q1", sbn.get(1), "return", "RETURNED");
        revise("VI.1", "2024-Q1", sbn.get(1), 212, 213); // resubmitted with corrected figures
        review("VI.1", "2024-Q1", sbn.get(0), "reopen", "SUBMITTED"); // reopened after approval
        revise("VI.1", "2024-Q1", sbn.get(0), 150, 200); // revised downwards
        review("VI.1", "2024-Q1", sbn.get(0), "approve", "APPROVED");
        review("VI.2", "2024-Q1", sbn.get(4), "approve", "APPROVED");
        review("VI.1", "2024-Q2", sbn.get(4), "approve", "APPROVED");
        review("VI.1", "2024-Q2", huyen.get(1), "return", "RETURNED"); // left returned: counted nowhere

        reportProgress();

        long begin = System.nanoTime();
        Map<String, Object> expectedState = expectedReports();
        Waits.Timed<Map<String, Object>> matched = Waits.until(
                "reporting-service's reports to equal the test's own numbers",
                Checks.CATCH_UP,
                () -> {
                    Map<String, Object> actual = actualReports(reportingPort, world.regimes);
                    return actual.equals(expectedState) ? Optional.of(actual) : Optional.empty();
                },
                () -> "expected " + expectedState + "\n but got " + actualReports(reportingPort, world.regimes));
        Measured.record("story", "last HTTP write → every report equal to the test's numbers", matched.took());
        assertEquals(expectedState, actualReports(reportingPort, world.regimes));
        Measured.record("story", "elapsed since the first figure (s)", Checks.seconds(begin));
    }

    @Test
    @Order(2)
    void aRebuildFindsNoDifference() throws Exception {
        JsonNode job = Checks.rebuild(api, reportingPort);
        assertEquals(0, job.path("differenceCount").asInt(), "rebuild differences: " + job.path("differences"));
        assertEquals(expectedReports(), actualReports(reportingPort, world.regimes));
    }

    @Test
    @Order(3)
    void killingIndicatorsServiceMidStreamLosesAndDoublesNothing() throws Exception {
        int count = Integer.getInteger("e2e.stream", 1500);
        List<SubmissionStream.Submission> submissions = stream.plan(count);
        long topicBefore = stack.topicRecords("partracker.measurements");
        long[] killedAt = new long[1];
        Duration[] recovery = new Duration[1];
        LagSampler lag = LagSampler.start(stack, api, reportingPort, world);
        long begin = System.nanoTime();
        stream.send(
                submissions,
                count / 3,
                () -> {
                    killedAt[0] = System.nanoTime();
                    stack.kill9("indicators");
                    try {
                        stack.startService(AppService.INDICATORS);
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                    stack.awaitReady("indicators");
                    recovery[0] = Duration.ofNanos(System.nanoTime() - killedAt[0]);
                },
                Duration.ofMinutes(4));
        Duration sending = Duration.ofNanos(System.nanoTime() - begin);
        Measured.record(
                "kill -9 indicators", "submissions answered 201", stream.sent().size() + " of " + count);
        Measured.record("kill -9 indicators", "stream duration", sending);
        Measured.record("kill -9 indicators", "kill → ready again (recovery)", recovery[0]);

        Map<String, long[]> expected = stream.totals();
        Waits.Timed<Boolean> caughtUp;
        try {
            caughtUp = Waits.until(
                    "the monthly reports to hold every streamed figure exactly once",
                    Checks.CATCH_UP,
                    () -> SubmissionStream.same(expected, SubmissionStream.reported(api, reportingPort, world))
                            ? Optional.of(true)
                            : Optional.empty(),
                    () -> "expected " + SubmissionStream.describe(expected) + "\n got "
                            + SubmissionStream.describe(SubmissionStream.reported(api, reportingPort, world)));
        } finally {
            lag.record("kill -9 indicators");
        }
        Measured.record("kill -9 indicators", "last answer → reports exact (max lag)", caughtUp.took());
        assertEquals(count, figuresOfMonthlyIndicators(), "figures stored by indicators-service");
        Checks.awaitOutboxEmpty(api, AppService.INDICATORS);
        Measured.record(
                "kill -9 indicators",
                "events the relay published twice (measurement records on the topic − figures)",
                stack.topicRecords("partracker.measurements") - topicBefore - count);
        JsonNode job = Checks.rebuild(api, reportingPort);
        assertEquals(0, job.path("differenceCount").asInt(), "rebuild differences: " + job.path("differences"));
        assertTrue(SubmissionStream.same(expected, SubmissionStream.reported(api, reportingPort, world)));
        Checks.assertDeadLettersEmpty(api, reportingPort);
    }

    @Test
    @Order(4)
    void republishingTwiceChangesNoReportAndANewReportingInstanceRebuildsTheSameReports() throws Exception {
        Map<String, Object> before = actualReports(reportingPort, world.regimes);
        Map<String, long[]> monthly = SubmissionStream.reported(api, reportingPort, world);
        List<JsonNode> rawBefore = rawReports(reportingPort, world.regimes);
        long begin = System.nanoTime();
        for (int round = 0; round < 2; round++) {
            api.post(AppService.PLANS, "/api/admin/republish", api.admin(), Map.of())
                    .expect(200, 202);
            api.post(AppService.INDICATORS, "/api/admin/republish", api.admin(), Map.of())
                    .expect(200, 202);
        }
        Checks.awaitOutboxEmpty(api, AppService.PLANS);
        Checks.awaitOutboxEmpty(api, AppService.INDICATORS);
        Measured.record("republish ×2", "outboxes of plans and indicators drained after", Checks.seconds(begin));

        int secondPort = E2eStack.freePort();
        Map<String, String> groups = new LinkedHashMap<>();
        for (String channel : List.of("AGENCIES", "PLANS", "INDICATORS", "MEASUREMENTS")) {
            groups.put("MP_MESSAGING_INCOMING_" + channel + "_GROUP_ID", "reporting-e2e-rebuilt." + channel);
        }
        long started = System.nanoTime();
        stack.startExtraReporting("reporting-rebuilt", secondPort, "partracker_reporting_rebuilt", groups);
        Measured.record("second reporting", "process ready after", Checks.seconds(started));
        world.importRegimes(secondPort, world.regimesDocument());
        Waits.Timed<Boolean> same = Waits.until(
                "the new reporting instance to rebuild the same reports",
                Checks.CATCH_UP,
                () -> {
                    try {
                        return rawReports(secondPort, world.secondRegimes).equals(rawBefore)
                                ? Optional.of(true)
                                : Optional.empty();
                    } catch (AssertionError notYet) {
                        // the new instance has not read the agencies yet: its reports answer 404 until it has
                        return Optional.empty();
                    }
                },
                () -> "first " + rawBefore + "\n second " + rawReports(secondPort, world.secondRegimes));
        Measured.record("second reporting", "empty database → reports equal to the first instance's", same.took());
        assertEquals(rawBefore, rawReports(secondPort, world.secondRegimes), "field by field");
        assertTrue(SubmissionStream.same(monthly, SubmissionStream.reported(api, secondPort, world)));

        // the first instance consumed the republished events too (its positions reach the second's) — unchanged
        JsonNode secondPosition = Reports.indicatorReport(api, secondPort, world.planId, "2024-Q1", world.rootId)
                .path("eventPosition");
        Waits.until(
                "the first instance to consume as far as the second",
                Checks.CATCH_UP,
                () -> Checks.reached(
                                Reports.indicatorReport(api, reportingPort, world.planId, "2024-Q1", world.rootId)
                                        .path("eventPosition"),
                                secondPosition)
                        ? Optional.of(true)
                        : Optional.empty(),
                () -> "first at "
                        + Reports.indicatorReport(api, reportingPort, world.planId, "2024-Q1", world.rootId)
                                .path("eventPosition")
                        + ", second at " + secondPosition);
        assertEquals(before, actualReports(reportingPort, world.regimes), "republished twice: no report changed");
        assertEquals(rawBefore, rawReports(reportingPort, world.regimes));
        assertTrue(SubmissionStream.same(monthly, SubmissionStream.reported(api, reportingPort, world)));
        Checks.assertDeadLettersEmpty(api, reportingPort);
        Checks.assertDeadLettersEmpty(api, secondPort);
    }

    // ---- the story's writes ----

    private void submitRatio(String indicator, String period, String agency, int numerator, int denominator)
            throws IOException {
        ObjectNode body = figureBody(indicator, period, agency);
        body.put("numerator", numerator).put("denominator", denominator);
        Expected.Figure figure = ledger.figure(indicator, period, agency);
        figure.numerator = BigDecimal.valueOf(numerator);
        figure.denominator = BigDecimal.valueOf(denominator);
        send(indicator, period, agency, body);
    }

    private void submitValue(String indicator, String period, String agency, int value) throws IOException {
        ObjectNode body = figureBody(indicator, period, agency);
        body.put("value", value);
        ledger.figure(indicator, period, agency).value = BigDecimal.valueOf(value);
        send(indicator, period, agency, body);
    }

    private ObjectNode figureBody(String indicator, String period, String agency) {
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("indicatorId", world.indicators.get(indicator).toString());
        body.put("agencyId", world.agency(agency).toString());
        body.put("period", period);
        body.put("source", "Hệ thống thông tin giải quyết TTHC tỉnh Kon Tum");
        return body;
    }

    private void send(String indicator, String period, String agency, ObjectNode body) throws IOException {
        Api.Answer answer = api.post(
                        AppService.INDICATORS,
                        "/api/measurements",
                        api.token("reporter", agency),
                        body,
                        Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .expect(201);
        assertEquals("SUBMITTED", answer.body().path("status").asText());
        figures.put(key(indicator, period, agency), answer);
    }

    private void review(String indicator, String period, String agency, String action, String status)
            throws IOException {
        Api.Answer current = figures.get(key(indicator, period, agency));
        ObjectNode body = Api.JSON.createObjectNode();
        if (!"approve".equals(action)) {
            body.put("reason", "Số liệu chưa khớp với Hệ thống thông tin giải quyết TTHC; đề nghị kiểm tra lại.");
        }
        Api.Answer answer = api.post(
                        AppService.INDICATORS,
                        "/api/measurements/" + current.body().path("id").asText() + "/" + action,
                        api.token("evaluator", StoryWorld.EVALUATOR),
                        body)
                .expect(200);
        assertEquals(status, answer.body().path("status").asText(), action);
        ledger.figure(indicator, period, agency).status = status;
        figures.put(key(indicator, period, agency), answer);
    }

    private void revise(String indicator, String period, String agency, int numerator, int denominator)
            throws IOException {
        Api.Answer current = figures.get(key(indicator, period, agency));
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("numerator", numerator).put("denominator", denominator);
        body.put("note", "Đã rà soát và cập nhật lại số liệu");
        Api.Answer answer = api.put(
                        AppService.INDICATORS,
                        "/api/measurements/" + current.body().path("id").asText(),
                        api.token("reporter", agency),
                        body,
                        Map.of("If-Match", current.header("ETag")))
                .expect(200);
        assertEquals("SUBMITTED", answer.body().path("status").asText());
        Expected.Figure figure = ledger.figure(indicator, period, agency);
        figure.numerator = BigDecimal.valueOf(numerator);
        figure.denominator = BigDecimal.valueOf(denominator);
        figure.status = "SUBMITTED";
        figures.put(key(indicator, period, agency), answer);
    }

    /**
     * Six assignments of distinct agencies report progress: two done, three in progress, one in progress then done.
     * One report is sent twice with the same Idempotency-Key (a retried request) and must be recorded once.
     */
    private void reportProgress() throws IOException {
        for (JsonNode a : api.all(AppService.PLANS, "/api/assignments?planId=" + world.planId, api.admin())) {
            assignmentsBefore.put(a.path("id").asText(), a);
        }
        List<JsonNode> chosen = new ArrayList<>();
        Set<String> agencies = new TreeSet<>();
        List<JsonNode> sorted = new ArrayList<>(assignmentsBefore.values());
        sorted.sort(Comparator.comparing(a -> a.path("id").asText()));
        for (JsonNode a : sorted) {
            // one-off tasks only: a recurring task's report names its occurrence (OccurrencesIT covers those)
            boolean recurring =
                    a.path("occurrences").isArray() && !a.path("occurrences").isEmpty();
            if (!recurring
                    && chosen.size() < 6
                    && agencies.add(a.path("agencyId").asText())) {
                chosen.add(a);
            }
        }
        assertEquals(6, chosen.size(), "assignments of six agencies");
        String[][] reports = {
            {"100", "DONE"},
            {"100", "DONE"},
            {"40", "IN_PROGRESS"},
            {"60", "IN_PROGRESS"},
            {"10", "IN_PROGRESS"},
            {"25", "IN_PROGRESS"}
        };
        for (int i = 0; i < chosen.size(); i++) {
            progress(
                    chosen.get(i),
                    reports[i][0],
                    reports[i][1],
                    UUID.randomUUID().toString());
        }
        String retriedKey = UUID.randomUUID().toString();
        progress(chosen.get(4), "100", "DONE", retriedKey);
        progress(chosen.get(4), "100", "DONE", retriedKey);
        JsonNode history = api.get(
                        AppService.PLANS,
                        "/api/assignments/" + chosen.get(4).path("id").asText() + "/progress",
                        api.admin())
                .expect(200)
                .body();
        assertEquals(2, history.size(), "two reports, the retried one recorded once: " + history);
    }

    private void progress(JsonNode assignment, String percent, String status, String key) throws IOException {
        String agency = world.agencyCodes.get(
                UUID.fromString(assignment.path("agencyId").asText()));
        ObjectNode body = Api.JSON.createObjectNode();
        body.put("percent", new BigDecimal(percent)).put("status", status).put("note", "Báo cáo tiến độ");
        api.post(
                        AppService.PLANS,
                        "/api/assignments/" + assignment.path("id").asText() + "/progress",
                        api.token("reporter", agency),
                        body,
                        Map.of("Idempotency-Key", key))
                .expect(201);
        progressStatus.put(assignment.path("id").asText(), status);
    }

    // ---- what the reports must say, computed here ----

    private Map<String, Object> expectedReports() {
        Map<String, Object> result = new TreeMap<>();
        int performersRatio = world.groupMembers.get("KT.SBN").size()
                + world.groupMembers.get("KT.UBND-HUYEN").size();
        int performersCount = world.groupMembers.get("KT.SBN").size();
        for (String period : List.of("2024-Q1", "2024-Q2")) {
            result.put(
                    "indicators " + period + " VI.1",
                    ledger.row(
                            "VI.1",
                            period,
                            new Expected.Definition("RATIO", "PERCENT", BigDecimal.valueOf(95), performersRatio)));
            result.put(
                    "indicators " + period + " VI.2",
                    ledger.row(
                            "VI.2",
                            period,
                            new Expected.Definition("VALUE", "COUNT", BigDecimal.valueOf(3), performersCount)));
            result.put("indicators " + period + " rows", new TreeSet<>(List.of("VI.1", "VI.2")));
            result.put("completeness KT.BC-KSTTHC-QUY " + period, expectedCompleteness(period, "KT.BC-KSTTHC-QUY"));
        }
        result.put("tasks " + AS_OF, expectedTasks(LocalDate.parse(AS_OF)));
        return result;
    }

    private Map<String, Object> expectedCompleteness(String period, String regime) {
        // the regime document's deadline offsets and expected groups
        Map<String, Integer> offsets = Map.of("PROVINCE", 5, "DISTRICT", 3, "COMMUNE", 1);
        List<String> groups = List.of("KT.SBN", "KT.UBND-HUYEN", "KT.UBND-XA");
        Set<String> expected = new TreeSet<>();
        groups.forEach(g -> expected.addAll(world.groupMembers.get(g)));
        Set<String> submitted = new TreeSet<>();
        for (Expected.Figure f : ledger.all()) {
            if (f.period.equals(period) && f.counted() && expected.contains(f.agency)) {
                submitted.add(f.agency);
            }
        }
        LocalDate today = LocalDate.now(VIETNAM);
        LocalDate windowTo = WINDOWS.get(period)[1];
        Set<String> late = new TreeSet<>();
        int onTime = 0;
        for (String agency : submitted) {
            String level = world.agencyDocs.get(agency).path("level").asText();
            if (today.isAfter(windowTo.plusDays(offsets.get(level)))) {
                late.add(agency);
            } else {
                onTime++;
            }
        }
        Map<String, Object> result = new TreeMap<>();
        result.put("window", WINDOWS.get(period)[0] + ".." + windowTo);
        result.put("expected", expected.size());
        result.put("submitted", submitted.size());
        result.put("onTime", onTime);
        result.put("late", late);
        result.put("missing", expected.size() - submitted.size());
        return result;
    }

    private Map<String, Object> expectedTasks(LocalDate asOf) {
        Map<String, Integer> byStatus = new TreeMap<>();
        for (String s : List.of("NOT_STARTED", "IN_PROGRESS", "DONE", "CANCELLED")) {
            byStatus.put(s, 0);
        }
        int overdue = 0;
        int dueSoon = 0;
        for (JsonNode a : assignmentsBefore.values()) {
            String status = progressStatus.getOrDefault(
                    a.path("id").asText(), a.path("status").asText());
            byStatus.merge(status, 1, Integer::sum);
            boolean closed = "DONE".equals(status) || "CANCELLED".equals(status);
            JsonNode occurrences = a.path("occurrences");
            if (occurrences.isArray() && !occurrences.isEmpty()) {
                // a recurring task's assignment: overdue when one of its occurrences (due dates as plans-service
                // derives them from the wording) is due before the day and not DONE, or its first deadline passed
                // with none DONE; due soon when one not DONE comes due within 30 days. The story reports no
                // progress on recurring tasks, so the occurrences' statuses are those plans-service gave.
                if ("CANCELLED".equals(status)) {
                    continue;
                }
                boolean late = false;
                boolean soon = false;
                boolean anyDone = false;
                for (JsonNode o : occurrences) {
                    if ("DONE".equals(o.path("status").asText())) {
                        anyDone = true;
                        continue;
                    }
                    LocalDate due = LocalDate.parse(o.path("dueDate").asText());
                    late |= due.isBefore(asOf);
                    soon |= !due.isBefore(asOf) && !due.isAfter(asOf.plusDays(30));
                }
                JsonNode first = a.path("dueDate");
                late |= first.isTextual() && LocalDate.parse(first.asText()).isBefore(asOf) && !anyDone;
                overdue += late ? 1 : 0;
                dueSoon += soon ? 1 : 0;
                continue;
            }
            if (a.path("dueDate").isNull() || a.path("dueDate").isMissingNode() || closed) {
                continue;
            }
            LocalDate due = LocalDate.parse(a.path("dueDate").asText());
            if (due.isBefore(asOf)) {
                overdue++;
            } else if (!due.isAfter(asOf.plusDays(30))) {
                dueSoon++;
            }
        }
        Map<String, Object> result = new TreeMap<>();
        result.put("total", assignmentsBefore.size());
        result.put("byStatus", byStatus);
        result.put("overdue", overdue);
        result.put("dueNext30Days", dueSoon);
        return result;
    }

    // ---- what reporting-service says ----

    private Map<String, Object> actualReports(int port, Map<String, UUID> regimes) {
        Map<String, Object> result = new TreeMap<>();
        for (String period : List.of("2024-Q1", "2024-Q2")) {
            JsonNode report = Reports.indicatorReport(api, port, world.planId, period, world.rootId);
            for (String indicator : List.of("VI.1", "VI.2")) {
                result.put(
                        "indicators " + period + " " + indicator,
                        Reports.row(report, world.indicators.get(indicator)).orElse(Map.of()));
            }
            Set<String> rows = new TreeSet<>();
            Map<String, String> byId = new HashMap<>();
            world.indicators.forEach((k, v) -> byId.put(v.toString(), k));
            report.path("rows")
                    .forEach(r ->
                            rows.add(byId.getOrDefault(r.path("indicatorId").asText(), "?")));
            result.put("indicators " + period + " rows", rows);
            for (String regime : List.of("KT.BC-KSTTHC-QUY")) {
                result.put(
                        "completeness " + regime + " " + period,
                        completeness(Reports.completeness(api, port, regimes.get(regime), period, world.rootId)));
            }
        }
        JsonNode tasks = Reports.taskReport(api, port, world.planId, world.rootId, AS_OF);
        Map<String, Object> t = new TreeMap<>();
        t.put("total", tasks.path("total").asInt());
        Map<String, Integer> byStatus = new TreeMap<>();
        tasks.path("byStatus")
                .fields()
                .forEachRemaining(e -> byStatus.put(e.getKey(), e.getValue().asInt()));
        t.put("byStatus", byStatus);
        t.put("overdue", tasks.path("overdue").asInt());
        t.put("dueNext30Days", tasks.path("dueNext30Days").asInt());
        result.put("tasks " + AS_OF, t);
        return result;
    }

    private static Map<String, Object> completeness(JsonNode report) {
        Map<String, Object> result = new TreeMap<>();
        result.put(
                "window",
                report.path("windowFrom").asText() + ".."
                        + report.path("windowTo").asText());
        result.put("expected", report.path("expected").asInt());
        result.put("submitted", report.path("submitted").asInt());
        result.put("onTime", report.path("onTime").asInt());
        Set<String> late = new TreeSet<>();
        report.path("lateAgencies").forEach(a -> late.add(a.path("code").asText()));
        result.put("late", late);
        result.put("missing", report.path("missing").asInt());
        return result;
    }

    /** Every report the story reads, whole, minus what legitimately differs between instances. */
    private List<JsonNode> rawReports(int port, Map<String, UUID> regimes) {
        List<JsonNode> result = new ArrayList<>();
        for (String period : List.of("2024-Q1", "2024-Q2", "2024")) {
            result.add(Reports.comparable(Reports.indicatorReport(api, port, world.planId, period, world.rootId)));
        }
        result.add(Reports.comparable(Reports.taskReport(api, port, world.planId, world.rootId, AS_OF)));
        for (String period : List.of("2024-Q1", "2024-Q2")) {
            for (String regime : List.of("KT.BC-KSTTHC-QUY")) {
                result.add(
                        Reports.comparable(Reports.completeness(api, port, regimes.get(regime), period, world.rootId)));
            }
        }
        return result;
    }

    // ---- helpers ----

    private long figuresOfMonthlyIndicators() throws IOException {
        long total = 0;
        for (int i = 1; i <= SubmissionStream.MONTHLY_INDICATORS; i++) {
            total += api.get(
                            AppService.INDICATORS,
                            "/api/measurements?size=1&indicatorId=" + world.indicators.get("F." + i),
                            api.admin())
                    .expect(200)
                    .body()
                    .path("total")
                    .asLong();
        }
        return total;
    }

    private static String key(String indicator, String period, String agency) {
        return indicator + "|" + period + "|" + agency;
    }
}
