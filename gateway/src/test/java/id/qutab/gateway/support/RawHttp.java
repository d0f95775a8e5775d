package id.qutab.gateway.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Speaks HTTP/1.1 over a plain socket, for what an HTTP client library would "fix" on the way: dot segments in
 * the path ({@code /api/orders/../internal/events}) and hand-made chunked bodies.
 */
public final class RawHttp {

    public record Response(int status, Map<String, List<String>> headers, String body) {
        public String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }
    }

    private RawHttp() {
    }

    public static Response get(int port, String rawPath) throws IOException {
        return exchange(port, ("GET " + rawPath + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII), List.of());
    }

    /**
     * A request without a body from another loopback address ({@code 127.0.0.2}, …: Linux routes all of 127/8 to
     * the loopback), so the gateway sees a peer other than the test's usual 127.0.0.1. Header lines go as given.
     */
    public static Response requestFrom(InetAddress localAddress, int port, String method, String path,
                                       Map<String, String> headers) throws IOException {
        StringBuilder head = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost:" + port
                + "\r\nConnection: close\r\nContent-Length: 0\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return parse(readAll(socket.getInputStream()));
        }
    }

    /** POSTs the chunks with Transfer-Encoding: chunked. */
    public static Response postChunked(int port, String path, List<String> chunks) throws IOException {
        byte[] head = ("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n"
                + "Content-Type: text/plain\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
        List<byte[]> parts = new ArrayList<>();
        for (String chunk : chunks) {
            byte[] data = chunk.getBytes(StandardCharsets.UTF_8);
            parts.add((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
            parts.add(data);
            parts.add("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        parts.add("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        return exchange(port, head, parts);
    }

    /**
     * Sends the head with "Expect: 100-continue", waits for the interim answer, and only then the body.
     * Returns the interim status line first, then the final response.
     */
    public static Map.Entry<String, Response> postExpectingContinue(int port, String path, String body) throws IOException {
        byte[] data = body.getBytes(StandardCharsets.UTF_8);
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: localhost:" + port + "\r\nConnection: close\r\n"
                    + "Content-Type: text/plain\r\nContent-Length: " + data.length + "\r\nExpect: 100-continue\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder interim = new StringBuilder();
            while (!interim.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    break;
                }
                interim.append((char) b);
            }
            out.write(data);
            out.flush();
            String statusLine = interim.toString().split("\r\n")[0];
            return Map.entry(statusLine, parse(readAll(in)));
        }
    }

    private static Response exchange(int port, byte[] head, List<byte[]> bodyParts) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head);
            try {
                for (byte[] part : bodyParts) {
                    out.write(part);
                }
                out.flush();
            } catch (IOException serverClosedEarly) {
                // Allowed: the server may answer and close before the whole body is sent.
            }
            return parse(readAll(socket.getInputStream()));
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                all.write(buffer, 0, n);
            }
        } catch (IOException resetAfterResponse) {
            // A reset after the response was fully sent still leaves us the response.
            if (all.size() == 0) {
                throw resetAfterResponse;
            }
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) {
        String text = new String(raw, StandardCharsets.ISO_8859_1);
        int headEnd = text.indexOf("\r\n\r\n");
        if (headEnd < 0) {
            throw new IllegalStateException("no complete response head: " + text);
        }
        String[] lines = text.substring(0, headEnd).split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            headers.computeIfAbsent(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .add(lines[i].substring(colon + 1).trim());
        }
        String body = text.substring(headEnd + 4);
        List<String> te = headers.get("transfer-encoding");
        if (te != null && te.contains("chunked")) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body.getBytes(StandardCharsets.ISO_8859_1), StandardCharsets.UTF_8));
    }

    private static String dechunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, lineEnd).trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }
}
