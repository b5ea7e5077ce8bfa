package vn.partracker.testsupport.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.RestAssured;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import vn.partracker.support.security.AccessMatrix;
import vn.partracker.support.security.AccessRule;
import vn.partracker.support.security.Role;
import vn.partracker.testsupport.fuzz.Operation;
import vn.partracker.testsupport.fuzz.Schemas;
import vn.partracker.testsupport.fuzz.TableSnapshot;

/**
 * The authorization matrix test every service runs against itself, generated from its own OpenAPI document:
 * every operation × {no token, expired, not yet valid, wrong signature, {@code alg: none}, wrong issuer, garbage}
 * must be a 401 problem+json; every operation × each role the service's matrix does not allow must be a 403
 * problem+json; neither may change a table or put an event in the outbox; every role the matrix allows must get
 * past both gates (any answer but 401 and 403 for operations whose rule has no agency scope). An operation of the
 * document without a rule fails the test.
 */
public abstract class AuthorizationMatrixContract {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PROBLEM = "application/problem+json";

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private final Random random = new Random(20_261_202L);
    private JsonNode document;

    /** The service's database. */
    protected abstract DataSource dataSource();

    /** The service's matrix ({@code AccessRules.MATRIX}). */
    protected abstract AccessMatrix matrix();

    /** A list operation of the service every role may read, for the token checks that need one path. */
    protected abstract String readPath();

    /**
     * The matrix as the test sees it: for each {@code METHOD /path}, the roles (as {@code groups} claims) allowed, and
     * whether the service narrows the operation further by agency.
     */
    protected Map<String, Rule> rules() {
        Map<String, Rule> rules = new LinkedHashMap<>();
        for (AccessRule rule : matrix().rules()) {
            rules.put(
                    rule.operation(),
                    new Rule(
                            rule.roles().stream().map(Role::claim).collect(Collectors.toSet()),
                            !rule.scope().isEmpty()));
        }
        return rules;
    }

    /** One rule of the matrix as the test sees it. */
    public record Rule(Set<String> roles, boolean agencyScoped) {}

    /** The agency code the role tokens carry (need not exist). */
    protected String agencyCode() {
        return "KT.TEST.MATRIX";
    }

    /** Tables the service writes without a request (outbox relay marks, consumer bookkeeping). */
    protected Set<String> volatileTables() {
        return Set.of("outbox_event", "processed_event");
    }

    @Test
    void theReadmeCarriesTheMatrix() throws IOException {
        String readme = Files.readString(Path.of("..", "README.md"));
        String table = matrix().toMarkdown();
        assertTrue(
                readme.contains(table),
                "README.md must carry the " + matrix().service() + " matrix exactly:\n" + table);
    }

    @Test
    void aMissingTokenIsAProblemWithABearerChallenge() {
        given().header(DefaultTokenFilter.ANONYMOUS, "yes")
                .get(readPath())
                .then()
                .statusCode(401)
                .contentType(PROBLEM)
                .header("WWW-Authenticate", "Bearer")
                .body("type", equalTo("https://partracker.vn/problems/unauthorized"))
                .body("detail", containsString("bearer token is required"));
    }

    @Test
    void anExpiredTokenSaysSo() {
        given().header("Authorization", TestTokens.bearer(TestTokens.invalid().get("expired")))
                .get(readPath())
                .then()
                .statusCode(401)
                .body("detail", containsString("expired"));
    }

    @Test
    void healthAndTheDocumentStayOpen() {
        given().header(DefaultTokenFilter.ANONYMOUS, "yes")
                .get("/q/health/ready")
                .then()
                .statusCode(200);
        given().header(DefaultTokenFilter.ANONYMOUS, "yes")
                .get("/q/openapi")
                .then()
                .statusCode(200);
    }

    @Test
    void everyOperationOfTheDocumentHasARule() throws Exception {
        List<String> missing = new ArrayList<>();
        for (Operation op : operations()) {
            if (!rules().containsKey(op.name())) {
                missing.add(op.name());
            }
        }
        assertEquals(List.of(), missing, "operations of the OpenAPI document without an access rule");
    }

    @Test
    void missingAndInvalidTokensAre401AndChangeNothing() throws Exception {
        TableSnapshot before = TableSnapshot.take(dataSource(), volatileTables());
        long outboxBefore = outboxRows();
        Map<String, String> failures = new TreeMap<>();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("no token", null);
        tokens.putAll(TestTokens.invalid());
        for (Operation op : operations()) {
            for (Map.Entry<String, String> token : tokens.entrySet()) {
                HttpResponse<String> answer = send(op, token.getValue());
                check(failures, op, token.getKey(), answer, 401);
            }
        }
        assertEquals(Map.of(), failures, "answers to requests without a valid token");
        assertEquals(before, TableSnapshot.take(dataSource(), volatileTables()), "tables changed by refused requests");
        assertEquals(outboxBefore, outboxRows(), "events written by refused requests");
    }

    @Test
    void rolesTheMatrixDoesNotAllowAre403AndChangeNothing() throws Exception {
        TableSnapshot before = TableSnapshot.take(dataSource(), volatileTables());
        long outboxBefore = outboxRows();
        Map<String, String> failures = new TreeMap<>();
        int probes = 0;
        for (Operation op : operations()) {
            Rule rule = rules().get(op.name());
            if (rule == null) {
                continue;
            }
            for (String role : TestTokens.ROLES) {
                if (!rule.roles().contains(role)) {
                    probes++;
                    check(failures, op, role, send(op, TestTokens.of(role, agencyCode())), 403);
                }
            }
        }
        assertEquals(Map.of(), failures, "answers to roles outside the matrix (" + probes + " probes)");
        assertEquals(before, TableSnapshot.take(dataSource(), volatileTables()), "tables changed by refused requests");
        assertEquals(outboxBefore, outboxRows(), "events written by refused requests");
    }

    @Test
    void rolesTheMatrixAllowsGetPastTheGates() throws Exception {
        Map<String, String> failures = new TreeMap<>();
        for (Operation op : operations()) {
            Rule rule = rules().get(op.name());
            if (rule == null) {
                continue;
            }
            for (String role : rule.roles()) {
                HttpResponse<String> answer = send(op, TestTokens.of(role, agencyCode()));
                int status = answer.statusCode();
                if (status == 401 || (status == 403 && !rule.agencyScoped()) || status >= 500) {
                    failures.put(op.name() + " as " + role, status + " " + abbreviate(answer.body()));
                }
            }
        }
        assertEquals(Map.of(), failures, "roles the matrix allows but the service refused");
    }

    private void check(Map<String, String> failures, Operation op, String who, HttpResponse<String> answer, int want) {
        String type = answer.headers().firstValue("Content-Type").orElse("");
        boolean problem = type.startsWith(PROBLEM) && problemStatus(answer.body()) == want;
        if (answer.statusCode() != want || !problem) {
            failures.put(
                    op.name() + " with " + who, answer.statusCode() + " " + type + " " + abbreviate(answer.body()));
        }
    }

    private static int problemStatus(String body) {
        try {
            return JSON.readTree(body).path("status").asInt(-1);
        } catch (IOException e) {
            return -1;
        }
    }

    private List<Operation> operations() throws IOException, InterruptedException {
        HttpResponse<String> doc = http.send(
                HttpRequest.newBuilder(base().resolve("/q/openapi?format=json"))
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        document = JSON.readTree(doc.body());
        return Operation.all(document);
    }

    private HttpResponse<String> send(Operation op, String token) throws IOException, InterruptedException {
        String path = op.path();
        StringBuilder query = new StringBuilder();
        HttpRequest.Builder request = HttpRequest.newBuilder().timeout(Duration.ofSeconds(30));
        for (Operation.Parameter p : op.parameters()) {
            switch (p.in()) {
                case "path" -> path = path.replace("{" + p.name() + "}", encode(sample(p.schema())));
                case "query" -> {
                    if (p.required()) {
                        query.append(query.isEmpty() ? '?' : '&')
                                .append(encode(p.name()))
                                .append('=')
                                .append(encode(sample(p.schema())));
                    }
                }
                case "header" -> {
                    if (p.name().equalsIgnoreCase("If-Match")) {
                        request.header("If-Match", "\"0\"");
                    } else if (p.name().equalsIgnoreCase("Idempotency-Key")) {
                        request.header("Idempotency-Key", UUID.randomUUID().toString());
                    }
                }
                default -> {}
            }
        }
        request.uri(base().resolve(path + query));
        if (token != null) {
            request.header("Authorization", TestTokens.bearer(token));
        }
        if (op.bodyMediaType() != null) {
            String body = op.bodyMediaType().contains("json")
                    ? Schemas.sample(op.bodySchema(), document, random, List.of(), 0)
                            .toString()
                    : "code,name\nX,Y\n";
            String mediaType = op.bodyMediaType().contains("json") ? "application/json" : "text/csv";
            request.header("Content-Type", mediaType);
            request.method(op.method(), HttpRequest.BodyPublishers.ofString(body));
        } else {
            request.method(op.method(), HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String sample(JsonNode schema) {
        JsonNode value = Schemas.sample(schema, document, random, List.of(), 0);
        return value.isTextual() ? value.asText() : value.toString();
    }

    private long outboxRows() throws SQLException {
        try (Connection c = dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM outbox_event")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static URI base() {
        return URI.create("http://localhost:" + RestAssured.port);
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String abbreviate(String body) {
        return body == null ? "" : body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
