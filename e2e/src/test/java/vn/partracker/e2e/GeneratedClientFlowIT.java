package vn.partracker.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import vn.partracker.clients.indicators.api.IndicatorsApi;
import vn.partracker.clients.indicators.api.MeasurementsApi;
import vn.partracker.clients.indicators.model.AgencyRef;
import vn.partracker.clients.indicators.model.Direction;
import vn.partracker.clients.indicators.model.Frequency;
import vn.partracker.clients.indicators.model.Indicator;
import vn.partracker.clients.indicators.model.IndicatorKind;
import vn.partracker.clients.indicators.model.IndicatorRequest;
import vn.partracker.clients.indicators.model.Measurement;
import vn.partracker.clients.indicators.model.MeasurementRequest;
import vn.partracker.clients.indicators.model.Target;
import vn.partracker.clients.indicators.model.TargetComparator;
import vn.partracker.clients.indicators.model.TargetScope;
import vn.partracker.clients.indicators.model.Unit;
import vn.partracker.clients.plans.api.AgenciesApi;
import vn.partracker.clients.plans.api.PlansApi;
import vn.partracker.clients.plans.model.AgencyKind;
import vn.partracker.clients.plans.model.AgencyRefDto;
import vn.partracker.clients.plans.model.AgencyRequest;
import vn.partracker.clients.plans.model.AgencyResponse;
import vn.partracker.clients.plans.model.PlanRequest;
import vn.partracker.clients.plans.model.PlanResponse;
import vn.partracker.clients.plans.model.PlanStatus;
import vn.partracker.clients.plans.model.SectionDto;
import vn.partracker.clients.plans.model.TaskRequest;
import vn.partracker.clients.plans.model.TimeframeInput;
import vn.partracker.clients.reporting.api.ReportsApi;
import vn.partracker.clients.reporting.model.IndicatorReport;
import vn.partracker.clients.reporting.model.IndicatorReportRow;
import vn.partracker.localstack.AppService;
import vn.partracker.localstack.DevTokens;

/**
 * What a frontend or integrating team gets from the contract: the Java clients that {@code api-clients} generates
 * with openapi-generator from each service's OpenAPI document (as that service's build wrote it), and nothing else
 * — no hand-written HTTP and no JSON built by hand — play a short Kon Tum flow against PostgreSQL, Kafka and the
 * three services running as separate processes: agencies, plan 59/QĐ-UBND with a task, issued with the ETag read
 * through the client; an indicator defined once indicators-service has the plan and agencies from Kafka; a figure
 * submitted by the department's reporter; the indicator report, which reporting-service fills from Kafka, polled
 * until it counts the figure. A refused figure comes back as a {@code Problem} the client can read, and changes
 * nothing. First, the documents the clients were generated from must be the ones the running services serve.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GeneratedClientFlowIT {

    private static final Duration REPLICA_WAIT = Duration.ofSeconds(90);
    private static final String PERIOD = "2024-Q1";

    private E2eStack stack;
    private Path repositoryRoot;

    @BeforeAll
    void startStack() throws Exception {
        long begin = System.nanoTime();
        repositoryRoot =
                Path.of(System.getProperty("e2e.root", "..")).toAbsolutePath().normalize();
        stack = E2eStack.start();
        Measured.record("generated-clients", "PostgreSQL, Kafka and three services ready after", Checks.seconds(begin));
    }

    @AfterAll
    void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    /**
     * The clients were generated from {@code <service>/target/openapi/openapi.json}, written at build time; the
     * running service must serve the very same document at {@code /q/openapi} (but for the build's auto-generated
     * {@code servers}), so no runtime filter or setting adds, drops or changes what the clients know.
     */
    @Test
    @Order(1)
    void theClientsWereGeneratedFromTheDocumentsTheServicesServe() throws Exception {
        for (AppService service : AppService.values()) {
            Path built = repositoryRoot.resolve(service.shortName() + "-service/target/openapi/openapi.json");
            JsonNode generatedFrom = Api.JSON.readTree(Files.readString(built));
            HttpResponse<String> served = stack.http()
                    .send(
                            HttpRequest.newBuilder(URI.create(
                                            "http://127.0.0.1:" + stack.port(service) + "/q/openapi?format=json"))
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertEquals(200, served.statusCode(), service + " /q/openapi");
            JsonNode document = Api.JSON.readTree(served.body());
            // the build adds Quarkus' auto-generated servers (localhost and 0.0.0.0 on the default port), which the
            // running service leaves out; a client takes its base URI from its caller, so they are not compared
            ((ObjectNode) generatedFrom).remove("servers");
            ((ObjectNode) document).remove("servers");
            assertEquals(generatedFrom, document, service + ": " + built + " differs from what the service serves");
        }
    }

    @Test
    @Order(2)
    void aFigureSubmittedThroughTheGeneratedClientsReachesTheIndicatorReport() throws Exception {
        long begin = System.nanoTime();
        String admin = token("admin", null);

        // plans-service: the directory, the plan and its task, issued with the ETag of the last read
        AgenciesApi agencies = new AgenciesApi(plansClient(admin));
        AgencyResponse province = agencies.createAgency(
                new AgencyRequest()
                        .code("KT.UBND")
                        .name("Ủy ban nhân dân tỉnh Kon Tum")
                        .shortName("UBND tỉnh")
                        .kind(AgencyKind.PEOPLES_COMMITTEE)
                        .level("PROVINCE")
                        .validFrom(LocalDate.of(2020, 1, 1)),
                UUID.randomUUID().toString());
        AgencyResponse homeAffairs = agencies.createAgency(
                new AgencyRequest()
                        .code("KT.SNV")
                        .name("Sở Nội vụ")
                        .shortName("SNV")
                        .kind(AgencyKind.DEPARTMENT)
                        .level("PROVINCE")
                        .parentId(province.getId())
                        .validFrom(LocalDate.of(2020, 1, 1)),
                UUID.randomUUID().toString());
        AgencyResponse office = agencies.createAgency(
                new AgencyRequest()
                        .code("KT.VPUBND")
                        .name("Văn phòng Ủy ban nhân dân tỉnh")
                        .shortName("VP UBND")
                        .kind(AgencyKind.OFFICE)
                        .level("PROVINCE")
                        .parentId(province.getId())
                        .validFrom(LocalDate.of(2020, 1, 1)),
                UUID.randomUUID().toString());
        assertEquals(province.getId(), homeAffairs.getParentId());

        PlansApi plans = new PlansApi(plansClient(admin));
        PlanResponse draft = plans.createPlan(
                new PlanRequest()
                        .number("59/QĐ-UBND")
                        .title("Kế hoạch cải cách hành chính năm 2024 của UBND tỉnh Kon Tum")
                        .issuerId(province.getId())
                        .issuedOn(LocalDate.of(2024, 1, 29))
                        .year(2024)
                        .objectives("Nâng cao chất lượng giải quyết thủ tục hành chính")
                        .sections(List.of(new SectionDto().code("VI").title("Cải cách thủ tục hành chính"))),
                UUID.randomUUID().toString());
        assertEquals(PlanStatus.DRAFT, draft.getStatus());
        plans.createTask(
                draft.getId(),
                new TaskRequest()
                        .sectionCode("VI")
                        .ordinal("1")
                        .title("Giải quyết hồ sơ thủ tục hành chính đúng hạn")
                        .field("TTHC")
                        .leadAgencies(List.of(new AgencyRefDto().agencyId(homeAffairs.getId())))
                        .monitoringAgencyId(office.getId())
                        .expectedOutput("Báo cáo quý")
                        .timeframe(new TimeframeInput().text("Hàng quý")),
                UUID.randomUUID().toString());
        String etag = header(plans.getPlanWithHttpInfo(draft.getId()).getHeaders(), "ETag");
        PlanResponse issued = plans.issuePlan(draft.getId(), etag, null);
        assertEquals(PlanStatus.ISSUED, issued.getStatus());
        UUID planId = issued.getId();

        // indicators-service: refuses the definition until its replicas have the plan and agencies from Kafka
        IndicatorsApi indicators = new IndicatorsApi(indicatorsClient(admin));
        IndicatorRequest definition = new IndicatorRequest()
                .planId(planId)
                .group("VI")
                .ordinal("1")
                .name("Tỷ lệ hồ sơ TTHC giải quyết đúng hạn trong quý")
                .unit(Unit.PERCENT)
                .kind(IndicatorKind.RATIO)
                .numeratorLabel("số hồ sơ giải quyết đúng hạn")
                .denominatorLabel("tổng số hồ sơ đã giải quyết")
                .direction(Direction.HIGHER_IS_BETTER)
                .frequency(Frequency.QUARTERLY)
                .performingAgencies(List.of(new AgencyRef().agencyId(homeAffairs.getId())))
                .evaluatingAgencyId(office.getId())
                .targets(List.of(new Target()
                        .comparator(TargetComparator.AT_LEAST)
                        .value(new BigDecimal("95"))
                        .scope(new TargetScope())));
        String definitionKey = UUID.randomUUID().toString();
        Indicator indicator = retryWhileRefused(
                "indicators-service knows plan " + planId, () -> indicators.createIndicator(definition, definitionKey));

        // the department's reporter submits its Q1 figure; a refused one changes nothing
        String reporter = token("reporter", "KT.SNV");
        MeasurementsApi measurements = new MeasurementsApi(indicatorsClient(reporter));
        vn.partracker.clients.indicators.ApiException refused = assertThrows(
                vn.partracker.clients.indicators.ApiException.class,
                () -> measurements.submitMeasurement(
                        figure(indicator.getId(), homeAffairs.getId(), 120, 100),
                        UUID.randomUUID().toString()));
        assertEquals(400, refused.getCode(), refused.getResponseBody());
        vn.partracker.clients.indicators.model.Problem problem = indicatorsClient(reporter)
                .getObjectMapper()
                .readValue(refused.getResponseBody(), vn.partracker.clients.indicators.model.Problem.class);
        assertEquals(400, problem.getStatus());
        assertTrue(!problem.getErrors().isEmpty(), "the problem names the refused fields: " + problem);
        assertEquals(
                0L,
                measurements
                        .listMeasurements(
                                homeAffairs.getId().toString(),
                                indicator.getId().toString(),
                                null,
                                PERIOD,
                                null,
                                null)
                        .getTotal());

        Measurement submitted = measurements.submitMeasurement(
                figure(indicator.getId(), homeAffairs.getId(), 96, 100),
                UUID.randomUUID().toString());
        assertEquals("SUBMITTED", submitted.getStatus());
        assertEquals(0, new BigDecimal("96").compareTo(submitted.getValue()), "value " + submitted.getValue());
        assertNotNull(submitted.getAchievement());
        assertEquals("MET", submitted.getAchievement().getStatus());

        // reporting-service: the report counts the figure once its consumers have applied the events
        ReportsApi reports = new ReportsApi(reportingClient(token("viewer", null)));
        long polling = System.nanoTime();
        IndicatorReportRow row = Waits.until(
                        "the indicator report counts the figure",
                        Checks.CATCH_UP,
                        () -> reportRow(reports, planId, province.getId(), indicator.getId())
                                .filter(r -> r.getSubmitted() != null && r.getSubmitted() == 1),
                        () -> String.valueOf(reportRow(reports, planId, province.getId(), indicator.getId())))
                .value();
        assertEquals(1, row.getExpected());
        assertEquals(1, row.getMet());
        assertEquals(0, new BigDecimal("96").compareTo(row.getNumeratorSum()), "Σb " + row.getNumeratorSum());
        assertEquals(0, new BigDecimal("100").compareTo(row.getDenominatorSum()), "Σa " + row.getDenominatorSum());
        assertEquals(0, new BigDecimal("96").compareTo(row.getValue()), "value " + row.getValue());
        Measured.record("generated-clients", "figure visible in the indicator report after", Checks.seconds(polling));
        Measured.record("generated-clients", "whole flow through the generated clients in", Checks.seconds(begin));
    }

    private static MeasurementRequest figure(UUID indicatorId, UUID agencyId, int onTime, int settled) {
        return new MeasurementRequest()
                .indicatorId(indicatorId)
                .agencyId(agencyId)
                .period(PERIOD)
                .numerator(BigDecimal.valueOf(onTime))
                .denominator(BigDecimal.valueOf(settled))
                .note("Báo cáo quý I năm 2024");
    }

    /** The report's row of the indicator, or empty while reporting-service does not know the plan or agency yet. */
    private static Optional<IndicatorReportRow> reportRow(
            ReportsApi reports, UUID planId, UUID agencyId, UUID indicatorId) {
        try {
            IndicatorReport report = reports.getIndicatorReport(agencyId, PERIOD, planId);
            return report.getRows().stream()
                    .filter(r -> indicatorId.equals(r.getIndicatorId()))
                    .findFirst();
        } catch (vn.partracker.clients.reporting.ApiException e) {
            if (e.getCode() == 404 || e.getCode() == 400) {
                return Optional.empty();
            }
            throw new AssertionError("HTTP " + e.getCode() + ": " + e.getResponseBody(), e);
        }
    }

    /** A call that indicators-service refuses with a 4xx while its replicas lack what the call refers to. */
    private interface Call<T> {
        T call() throws vn.partracker.clients.indicators.ApiException;
    }

    private static <T> T retryWhileRefused(String what, Call<T> call) throws Exception {
        long deadline = System.nanoTime() + REPLICA_WAIT.toNanos();
        while (true) {
            try {
                return call.call();
            } catch (vn.partracker.clients.indicators.ApiException e) {
                if (e.getCode() >= 500 || System.nanoTime() > deadline) {
                    throw new AssertionError(what + ": HTTP " + e.getCode() + " " + e.getResponseBody(), e);
                }
                Waits.pause(Duration.ofMillis(500));
            }
        }
    }

    private static String header(Map<String, List<String>> headers, String name) {
        Map<String, List<String>> byLowerCase = new HashMap<>();
        headers.forEach((key, values) -> byLowerCase.put(key.toLowerCase(java.util.Locale.ROOT), values));
        List<String> values = byLowerCase.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), new ArrayList<>());
        assertTrue(!values.isEmpty(), "no " + name + " header in " + headers.keySet());
        return values.get(0);
    }

    private String token(String role, String agencyCode) {
        return stack.tokens()
                .sign(new DevTokens.Claims("generated-client-" + role, role, Optional.ofNullable(agencyCode), false));
    }

    private vn.partracker.clients.plans.ApiClient plansClient(String token) {
        vn.partracker.clients.plans.ApiClient client = new vn.partracker.clients.plans.ApiClient();
        client.updateBaseUri(base(AppService.PLANS));
        client.setReadTimeout(Duration.ofSeconds(60));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private vn.partracker.clients.indicators.ApiClient indicatorsClient(String token) {
        vn.partracker.clients.indicators.ApiClient client = new vn.partracker.clients.indicators.ApiClient();
        client.updateBaseUri(base(AppService.INDICATORS));
        client.setReadTimeout(Duration.ofSeconds(60));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private vn.partracker.clients.reporting.ApiClient reportingClient(String token) {
        vn.partracker.clients.reporting.ApiClient client = new vn.partracker.clients.reporting.ApiClient();
        client.updateBaseUri(base(AppService.REPORTING));
        client.setReadTimeout(Duration.ofSeconds(60));
        client.setRequestInterceptor(request -> request.header("Authorization", "Bearer " + token));
        return client;
    }

    private String base(AppService service) {
        return "http://127.0.0.1:" + stack.port(service);
    }
}
