package vn.partracker.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import vn.partracker.localstack.AppService;

/**
 * The Kon Tum world the story plays in, loaded over HTTP from the documents in {@code demo-data/} (agencies and
 * groups, plan 59/QĐ-UBND with its 29 tasks, its 21 indicators, the report regimes), plus the indicators the story
 * needs that the plan's appendix does not have (quarterly and monthly ones; the 21 are annual). Everything the tests
 * expect is derived from these documents, not read back from the service that computes the reports.
 */
final class StoryWorld {

    static final String PLAN_NUMBER = "59/QĐ-UBND";
    static final String EVALUATOR = "KT.VPUBND";
    private static final Duration REPLICA_WAIT = Duration.ofSeconds(90);

    final Api api;
    final Path demo;
    /** Agency code → its document row. */
    final Map<String, JsonNode> agencyDocs = new LinkedHashMap<>();
    /** Group code → member agency codes, computed here from the group rules of the document (kind, level, ancestor). */
    final Map<String, List<String>> groupMembers = new LinkedHashMap<>();

    final Map<String, UUID> agencyIds = new HashMap<>();
    final Map<UUID, String> agencyCodes = new HashMap<>();
    UUID planId;
    UUID rootId;
    /** Indicator "group.ordinal" → id, for the story's own indicators. */
    final Map<String, UUID> indicators = new LinkedHashMap<>();
    /** Regime code → id. */
    final Map<String, UUID> regimes = new LinkedHashMap<>();

    StoryWorld(Api api, Path repositoryRoot) throws IOException {
        this.api = api;
        this.demo = repositoryRoot.resolve("demo-data");
        JsonNode agencies = read("kontum-59-agencies.json");
        agencies.path("agencies").forEach(a -> agencyDocs.put(a.path("code").asText(), a));
        agencies.path("groups").forEach(g -> groupMembers.put(g.path("code").asText(), members(g)));
    }

    /** Loads the documents and the story's indicators and waits until reporting-service knows all of them. */
    void load() throws IOException {
        String admin = api.admin();
        api.postRetrying(AppService.PLANS, "/api/agencies/import", admin, read("kontum-59-agencies.json"), REPLICA_WAIT)
                .expect(200, 201);
        JsonNode plan = api.postRetrying(
                        AppService.PLANS, "/api/plans/import", admin, read("kontum-59-plan.json"), REPLICA_WAIT)
                .expect(200, 201)
                .body();
        planId = UUID.fromString(plan.path("planId").asText());
        for (JsonNode agency : api.all(AppService.PLANS, "/api/agencies?asOf=2024-06-30", admin)) {
            UUID id = UUID.fromString(agency.path("id").asText());
            agencyIds.put(agency.path("code").asText(), id);
            agencyCodes.put(id, agency.path("code").asText());
        }
        rootId = agencyIds.get("KT.UBND");
        // indicators-service answers 4xx until its agency and plan replicas have the referenced rows
        importIndicators(read("kontum-59-indicators.json"));
        String imported = importIndicators(storyIndicators());
        for (JsonNode indicator : api.all(AppService.INDICATORS, "/api/indicators?planId=" + planId, admin)) {
            indicators.put(
                    indicator.path("group").asText() + "."
                            + indicator.path("ordinal").asText(),
                    UUID.fromString(indicator.path("id").asText()));
        }
        for (JsonNode item : storyIndicators().path("indicators")) {
            String key =
                    item.path("group").asText() + "." + item.path("ordinal").asText();
            if (!indicators.containsKey(key)) {
                throw new AssertionError(
                        "indicator " + key + " was not imported: " + imported + " — listed " + indicators.keySet());
            }
        }
        importRegimes(null, regimesDocument());
    }

    /** Imports the report regimes into the reporting-service on {@code port} (null: the stack's own). */
    void importRegimes(Integer port, JsonNode document) throws IOException {
        long deadline = System.nanoTime() + REPLICA_WAIT.toNanos();
        Api.Answer answer;
        while (true) {
            answer = port == null
                    ? api.post(AppService.REPORTING, "/api/report-regimes/import", api.admin(), document)
                    : api.post(port, "/api/report-regimes/import", api.admin(), document, Map.of());
            if (answer.ok() || System.nanoTime() > deadline) {
                break;
            }
            Waits.pause(Duration.ofMillis(500));
        }
        answer.expect(200, 201);
        Map<String, UUID> found = new LinkedHashMap<>();
        JsonNode list = port == null
                ? api.get(AppService.REPORTING, "/api/report-regimes?size=100", api.admin())
                        .body()
                : api.get(port, "/api/report-regimes?size=100", api.admin()).body();
        list.path("items")
                .forEach(r -> found.put(
                        r.path("code").asText(), UUID.fromString(r.path("id").asText())));
        if (port == null) {
            regimes.putAll(found);
        } else {
            secondRegimes.putAll(found);
        }
    }

    /** Regime code → id in a second reporting instance (regimes are that service's own data, not events). */
    final Map<String, UUID> secondRegimes = new LinkedHashMap<>();

    /**
     * The demo's report regimes: the quarterly ND09 report of the departments, district and commune committees
     * (deadline 5, 3 and 1 days after the window by level) and the annual one. Offsets are at most 366 days, so every
     * 2024 report this test submits today is late; the test computes that from the rule and today's date.
     */
    JsonNode regimesDocument() throws IOException {
        return read("kontum-2024-regimes.json");
    }

    /**
     * Indicators of plan 59 the story reports on: VI.1, a quarterly ratio (percent of dossiers settled on time,
     * target at least 95) of the departments and district committees; VI.2, a quarterly count of procedures
     * reviewed (target at least 3) of the departments; and F.1–F.20, monthly counts of every department, district and
     * commune committee, which the fault tests stream figures into.
     */
    JsonNode storyIndicators() {
        ObjectNode document = Api.JSON.createObjectNode().put("planNumber", PLAN_NUMBER);
        ArrayNode items = document.putArray("indicators");
        ObjectNode ratio = indicator(
                items,
                "VI",
                "1",
                "Tỷ lệ hồ sơ TTHC giải quyết đúng hạn trong quý",
                "PERCENT",
                "RATIO",
                "QUARTERLY",
                95,
                List.of("KT.SBN", "KT.UBND-HUYEN"));
        ratio.put("numeratorLabel", "số hồ sơ giải quyết đúng hạn")
                .put("denominatorLabel", "tổng số hồ sơ đã giải quyết");
        indicator(
                items,
                "VI",
                "2",
                "Số TTHC được rà soát, đơn giản hóa trong quý",
                "COUNT",
                "VALUE",
                "QUARTERLY",
                3,
                List.of("KT.SBN"));
        for (int i = 1; i <= SubmissionStream.MONTHLY_INDICATORS; i++) {
            indicator(
                    items,
                    "F",
                    String.valueOf(i),
                    "Số hồ sơ tiếp nhận trong tháng, lĩnh vực " + i,
                    "COUNT",
                    "VALUE",
                    "MONTHLY",
                    0,
                    List.of("KT.SBN", "KT.UBND-HUYEN", "KT.UBND-XA"));
        }
        return document;
    }

    private static ObjectNode indicator(
            ArrayNode items,
            String group,
            String ordinal,
            String name,
            String unit,
            String kind,
            String frequency,
            int target,
            List<String> performerGroups) {
        ObjectNode item = items.addObject();
        item.put("group", group)
                .put("ordinal", ordinal)
                .put("name", name)
                .put("unit", unit)
                .put("kind", kind);
        item.put("direction", "HIGHER_IS_BETTER").put("frequency", frequency).put("evaluatingAgencyCode", EVALUATOR);
        ArrayNode performers = item.putArray("performingAgencies");
        performerGroups.forEach(g -> performers.addObject().put("groupCode", g));
        item.putArray("coordinatingAgencies").addObject().put("agencyCode", EVALUATOR);
        ObjectNode t = item.putArray("targets").addObject();
        t.put("comparator", "AT_LEAST")
                .put("value", target)
                .put("validFrom", "2024-01-01")
                .put("validTo", "2024-12-31");
        t.putObject("scope");
        return item;
    }

    private String importIndicators(JsonNode document) throws IOException {
        long deadline = System.nanoTime() + REPLICA_WAIT.toNanos();
        while (true) {
            Api.Answer answer = api.post(AppService.INDICATORS, "/api/indicators/import", api.admin(), document);
            if (answer.ok()) {
                return answer.raw().body();
            }
            if (System.nanoTime() > deadline) {
                answer.expect(200, 201);
            }
            Waits.pause(Duration.ofMillis(500));
        }
    }

    /** The members of a group by the document's rule: listed codes, or kind and level under the ancestor. */
    private List<String> members(JsonNode group) {
        List<String> result = new ArrayList<>();
        group.path("agencyCodes").forEach(c -> result.add(c.asText()));
        Set<String> kinds = texts(group.path("kinds"));
        Set<String> levels = texts(group.path("levels"));
        String ancestor = group.path("ancestorCode").asText(null);
        for (JsonNode agency : agencyDocs.values()) {
            if ((kinds.isEmpty() || kinds.contains(agency.path("kind").asText()))
                    && (levels.isEmpty() || levels.contains(agency.path("level").asText()))
                    && (ancestor == null || isUnder(agency, ancestor))
                    && !result.contains(agency.path("code").asText())
                    && !(kinds.isEmpty() && levels.isEmpty())) {
                result.add(agency.path("code").asText());
            }
        }
        return result;
    }

    private boolean isUnder(JsonNode agency, String ancestor) {
        JsonNode current = agency;
        while (current != null && !current.path("parentCode").isNull() && current.has("parentCode")) {
            String parent = current.path("parentCode").asText();
            if (parent.equals(ancestor)) {
                return true;
            }
            current = agencyDocs.get(parent);
        }
        return false;
    }

    private static Set<String> texts(JsonNode array) {
        Set<String> result = new java.util.HashSet<>();
        array.forEach(n -> result.add(n.asText()));
        return result;
    }

    JsonNode read(String file) throws IOException {
        return Api.JSON.readTree(Files.readString(demo.resolve(file)));
    }

    UUID agency(String code) {
        UUID id = agencyIds.get(code);
        if (id == null) {
            throw new IllegalArgumentException("unknown agency " + code);
        }
        return id;
    }
}
