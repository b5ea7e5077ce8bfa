package vn.partracker.localstack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo loader against a stand-in service that, like the real ones, refuses /api calls without a bearer token. */
class DemoLoaderTest {

    private static final String TOKEN = "header.payload.signature";

    @TempDir
    Path dir;

    private HttpServer server;
    private final List<String> seen = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            seen.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + authorization);
            exchange.getRequestBody().readAllBytes();
            boolean authorized = ("Bearer " + TOKEN).equals(authorization);
            byte[] body =
                    (authorized ? "{\"items\":[{\"id\":\"a\"}]}" : "{\"status\":401}").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(authorized ? 200 : 401, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @Test
    void everyStepAndEveryPollCarriesTheAdminToken() throws IOException {
        Files.writeString(dir.resolve("agencies.json"), "{\"agencies\":[]}");
        DemoManifest manifest = DemoManifest.parse("""
                [
                  {"service": "plans", "path": "/api/agencies/import", "file": "agencies.json"},
                  {"service": "indicators", "method": "PUT", "path": "/api/indicators/import",
                   "waitFor": {"service": "plans", "path": "/api/agencies", "jsonPath": "$.items[0].id"}}
                ]
                """, dir);
        ByteArrayOutputStream console = new ByteArrayOutputStream();

        boolean complete = loader(console).load(manifest);

        assertTrue(complete, console.toString(StandardCharsets.UTF_8));
        assertEquals(
                List.of(
                        "POST /api/agencies/import Bearer " + TOKEN,
                        "GET /api/agencies Bearer " + TOKEN,
                        "PUT /api/indicators/import Bearer " + TOKEN),
                seen);
    }

    private DemoLoader loader(ByteArrayOutputStream console) {
        Map<AppService, Integer> ports = new EnumMap<>(AppService.class);
        for (AppService service : AppService.values()) {
            ports.put(service, server.getAddress().getPort());
        }
        HttpClient http =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return new DemoLoader(http, ports, TOKEN, new PrintStream(console, true, StandardCharsets.UTF_8));
    }
}
