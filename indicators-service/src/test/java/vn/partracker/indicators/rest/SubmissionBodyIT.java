package vn.partracker.indicators.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.partracker.indicators.support.Bodies;
import vn.partracker.indicators.support.IndicatorsWorld;
import vn.partracker.indicators.support.Replicas;
import vn.partracker.support.http.BodySizeLimit;
import vn.partracker.testsupport.InfrastructureResource;
import vn.partracker.testsupport.http.ChunkedUpload;
import vn.partracker.testsupport.security.TestTokens;

/**
 * Issue 13: the body of a figure submission with a declared length of at most 1 MB is read on the I/O thread before
 * the request reaches a worker ({@code SubmissionBodyPreRead}). Every way a body can arrive behaves as before: a
 * declared body (also one that arrives in pieces), a chunked body, {@code Expect: 100-continue}, a malformed body, and
 * a body over the limit, declared or chunked, which is a 413 problem+json that writes nothing.
 */
@QuarkusTest
@WithTestResource(InfrastructureResource.class)
class SubmissionBodyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static IndicatorsWorld world;
    private static String ratio;

    @Inject
    AgroalDataSource dataSource;

    private Replicas replicas;

    @BeforeEach
    void world() {
        replicas = new Replicas(dataSource);
        if (world == null) {
            world = IndicatorsWorld.create(replicas);
            ratio = RestAssured.given()
                    .contentType("application/json")
                    .body(Bodies.onTimeDossiers(world, "SB", "1", "MONTHLY"))
                    .post("/api/indicators")
                    .then()
                    .statusCode(201)
                    .extract()
                    .path("id");
        }
    }

    @Test
    void aDeclaredBodyIsSubmitted() throws Exception {
        Answer answer = send(Framing.DECLARED, figure("2024-01", 91), 0);
        assertEquals(201, answer.status(), answer.body());
        JsonNode created = JSON.readTree(answer.body());
        assertEquals("2024-01", created.path("period").asText());
        assertEquals(91, created.path("numerator").asInt());
    }

    @Test
    void aDeclaredBodyArrivingInPiecesIsSubmitted() throws Exception {
        Answer answer = send(Framing.DECLARED, figure("2024-02", 92), 300);
        assertEquals(201, answer.status(), answer.body());
        assertEquals(92, JSON.readTree(answer.body()).path("numerator").asInt());
    }

    @Test
    void aChunkedBodyIsSubmitted() throws Exception {
        Answer answer = send(Framing.CHUNKED, figure("2024-03", 93), 200);
        assertEquals(201, answer.status(), answer.body());
        assertEquals(93, JSON.readTree(answer.body()).path("numerator").asInt());
    }

    @Test
    void aBodyAfter100ContinueIsSubmitted() throws Exception {
        Answer answer = send(Framing.EXPECT_CONTINUE, figure("2024-04", 94), 0);
        assertEquals(201, answer.status(), answer.body());
        assertEquals(94, JSON.readTree(answer.body()).path("numerator").asInt());
    }

    @Test
    void aBodyOverHttp2IsSubmitted() throws Exception {
        // Java's HttpClient upgrades a cleartext connection to HTTP/2 (h2c), as the generated clients do
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_2)
                .build();
        for (int month = 6; month <= 7; month++) {
            java.net.http.HttpResponse<String> answer = client.send(
                    java.net.http.HttpRequest.newBuilder(
                                    java.net.URI.create("http://localhost:" + RestAssured.port + "/api/measurements"))
                            .header("Content-Type", "application/json")
                            .header("Authorization", TestTokens.bearer(TestTokens.admin()))
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                    figure("2024-0" + month, 90 + month)))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(201, answer.statusCode(), answer.body());
            assertEquals(
                    90 + month, JSON.readTree(answer.body()).path("numerator").asInt());
            if (month == 7) {
                assertEquals(java.net.http.HttpClient.Version.HTTP_2, answer.version(), "the second request is HTTP/2");
            }
        }
    }

    @Test
    void aMalformedDeclaredBodyIsA400ProblemJson() throws Exception {
        Answer answer = send(Framing.DECLARED, "{\"indicatorId\": \"" + ratio + "\", \"period\": ", 0);
        assertEquals(400, answer.status(), answer.body());
        assertTrue(answer.contentType().startsWith("application/problem+json"), answer.headers());
    }

    @Test
    void bodiesOverTheLimitAreA413ProblemJsonAndWriteNothing() throws Exception {
        long before = figures();
        String padded = figure("2024-05", 95).replace("}", ", \"note\": \"" + "x".repeat(1_100_000) + "\"}");
        Answer declared = send(Framing.DECLARED, padded, 0);
        assertEquals(413, declared.status(), declared.body());
        assertTrue(declared.contentType().startsWith("application/problem+json"), declared.headers());
        assertEquals(413, JSON.readTree(declared.body()).path("status").asInt());

        ChunkedUpload.Answer chunked = ChunkedUpload.post(
                RestAssured.port, "/api/measurements", "application/json", "{", (byte) ' ', 3_000_000);
        assertEquals(413, chunked.status(), chunked.body());
        assertTrue(chunked.contentType().startsWith("application/problem+json"), chunked.headers());
        assertEquals(BodySizeLimit.DEFAULT_LIMIT, 1024L * 1024);
        assertEquals(before, figures(), "nothing written");
    }

    private long figures() {
        return replicas.count("SELECT count(*) FROM measurement WHERE indicator_id = ?", UUID.fromString(ratio));
    }

    private static String figure(String period, int onTime) {
        return "{\"indicatorId\": \"" + ratio + "\", \"agencyId\": \"" + world.homeAffairs + "\", \"period\": \""
                + period + "\", \"numerator\": " + onTime + ", \"denominator\": 100}";
    }

    /** How the body goes on the wire. */
    private enum Framing {
        DECLARED,
        CHUNKED,
        EXPECT_CONTINUE
    }

    /** An answer read off the socket. */
    private record Answer(int status, String headers, String body) {

        String contentType() {
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-type:")) {
                    return line.substring("content-type:".length()).strip();
                }
            }
            return "";
        }
    }

    /**
     * Posts {@code body} to {@code /api/measurements} over a plain socket, as the admin; with a pause, the body goes
     * in two halves {@code pauseMillis} apart.
     */
    private static Answer send(Framing framing, String body, long pauseMillis) throws Exception {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("localhost", RestAssured.port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            InputStream in = socket.getInputStream();
            StringBuilder head = new StringBuilder("POST /api/measurements HTTP/1.1\r\nHost: localhost\r\n")
                    .append("Content-Type: application/json\r\n")
                    .append("Authorization: ")
                    .append(TestTokens.bearer(TestTokens.admin()))
                    .append("\r\nConnection: close\r\n");
            if (framing == Framing.CHUNKED) {
                head.append("Transfer-Encoding: chunked\r\n");
            } else {
                head.append("Content-Length: ").append(bytes.length).append("\r\n");
            }
            if (framing == Framing.EXPECT_CONTINUE) {
                head.append("Expect: 100-continue\r\n");
            }
            out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
            out.flush();
            if (framing == Framing.EXPECT_CONTINUE) {
                Answer interim = read(in, false);
                assertEquals(100, interim.status(), "100 Continue before the body is sent");
            }
            int half = pauseMillis > 0 ? bytes.length / 2 : bytes.length;
            write(out, framing, bytes, 0, half);
            if (half < bytes.length) {
                Thread.sleep(pauseMillis);
                write(out, framing, bytes, half, bytes.length - half);
            }
            if (framing == Framing.CHUNKED) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            }
            out.flush();
            return read(in, true);
        }
    }

    private static void write(OutputStream out, Framing framing, byte[] bytes, int offset, int length)
            throws IOException {
        if (framing == Framing.CHUNKED) {
            out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            out.write(bytes, offset, length);
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        } else {
            out.write(bytes, offset, length);
        }
        out.flush();
    }

    /** Reads the status line and headers, then (with {@code withBody}) the body up to the close of the connection. */
    private static Answer read(InputStream in, boolean withBody) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            head.write(b);
            byte[] h = head.toByteArray();
            int n = h.length;
            if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') {
                break;
            }
        }
        String headers = head.toString(StandardCharsets.US_ASCII);
        int status = Integer.parseInt(headers.substring(9, 12));
        String body = "";
        if (withBody) {
            long length = -1;
            for (String line : headers.split("\r\n")) {
                if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                    length = Long.parseLong(
                            line.substring("content-length:".length()).strip());
                }
            }
            ByteArrayOutputStream content = new ByteArrayOutputStream();
            while ((length < 0 || content.size() < length) && (b = in.read()) >= 0) {
                content.write(b);
            }
            body = content.toString(StandardCharsets.UTF_8);
        }
        return new Answer(status, headers, body);
    }
}
