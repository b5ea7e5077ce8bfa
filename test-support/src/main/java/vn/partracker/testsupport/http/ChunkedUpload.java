package vn.partracker.testsupport.http;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import vn.partracker.testsupport.security.TestTokens;

/**
 * Sends a request body with {@code Transfer-Encoding: chunked} (no {@code Content-Length}, so the server learns the
 * size only by counting) over a raw socket, and reads the answer while the body is still being sent: a server that
 * answers before the body ends (a 413) is heard, and the rest of the body is not sent.
 *
 * <p>The body is {@code opening} followed by {@code filler} bytes until {@code bytes} were sent in all, so a JSON
 * body can be {@code [} followed by spaces, which a parser reads without complaint until the limit.
 */
public final class ChunkedUpload {

    private static final int CHUNK = 64 * 1024;

    private ChunkedUpload() {}

    /**
     * What came back.
     *
     * @param status the HTTP status
     * @param headers the header block, lower-cased
     * @param body the body as text
     * @param sent how many body bytes had been sent when the answer was complete
     */
    public record Answer(int status, String headers, String body, long sent) {

        /** The value of the {@code Content-Type} header, or an empty string. */
        public String contentType() {
            for (String line : headers.split("\r\n")) {
                if (line.startsWith("content-type:")) {
                    return line.substring("content-type:".length()).strip();
                }
            }
            return "";
        }
    }

    /**
     * Posts a chunked body of {@code bytes} bytes as an admin.
     *
     * @param port the service's port
     * @param path the request path
     * @param contentType the declared content type
     * @param opening the first bytes of the body
     * @param filler the byte repeated after them
     * @param bytes the size of the whole body, if the server reads it all
     */
    public static Answer post(int port, String path, String contentType, String opening, byte filler, long bytes)
            throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nContent-Type: " + contentType
                            + "\r\nAuthorization: " + TestTokens.bearer(TestTokens.admin())
                            + "\r\nTransfer-Encoding: chunked\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            AtomicBoolean answered = new AtomicBoolean();
            AtomicLong sent = new AtomicLong();
            Thread writer = new Thread(() -> write(out, opening, filler, bytes, answered, sent), "chunked-writer");
            writer.setDaemon(true);
            writer.start();
            Answer answer = read(socket.getInputStream(), sent);
            answered.set(true);
            writer.join(10_000);
            return answer;
        }
    }

    private static void write(
            OutputStream out, String opening, byte filler, long bytes, AtomicBoolean answered, AtomicLong sent) {
        try {
            byte[] first = opening.getBytes(StandardCharsets.UTF_8);
            chunk(out, first, first.length);
            sent.addAndGet(first.length);
            byte[] buffer = new byte[CHUNK];
            Arrays.fill(buffer, filler);
            while (!answered.get() && sent.get() < bytes) {
                int n = (int) Math.min(CHUNK, bytes - sent.get());
                chunk(out, buffer, n);
                sent.addAndGet(n);
            }
            if (!answered.get()) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
            }
        } catch (IOException e) {
            // the server closed the connection after answering; the reader has the answer
        }
    }

    private static void chunk(OutputStream out, byte[] data, int length) throws IOException {
        out.write((Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data, 0, length);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** Reads one answer: status line and headers, then a body of Content-Length bytes (or up to the close). */
    private static Answer read(InputStream in, AtomicLong sent) throws IOException {
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
        String headers = head.toString(StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (headers.isEmpty()) {
            throw new IOException("the connection closed without an answer");
        }
        int status = Integer.parseInt(headers.substring(9, 12));
        long length = -1;
        for (String line : headers.split("\r\n")) {
            if (line.startsWith("content-length:")) {
                length = Long.parseLong(
                        line.substring("content-length:".length()).strip());
            }
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if (headers.contains("transfer-encoding: chunked")) {
            readChunked(in, body);
        } else {
            while ((length < 0 || body.size() < length) && (b = in.read()) >= 0) {
                body.write(b);
            }
        }
        return new Answer(status, headers, body.toString(StandardCharsets.UTF_8), sent.get());
    }

    private static void readChunked(InputStream in, ByteArrayOutputStream body) throws IOException {
        while (true) {
            StringBuilder size = new StringBuilder();
            int b;
            while ((b = in.read()) >= 0 && b != '\n') {
                if (b != '\r') {
                    size.append((char) b);
                }
            }
            int n = Integer.parseInt(size.toString().strip(), 16);
            if (n == 0) {
                return;
            }
            body.write(in.readNBytes(n));
            in.readNBytes(2);
        }
    }
}
