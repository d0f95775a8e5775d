package id.qutab.systemtests.edge;

import org.apache.http.Header;
import org.apache.http.HttpEntity;
import org.apache.http.client.config.RequestConfig;
import org.apache.http.client.methods.CloseableHttpResponse;
import org.apache.http.client.methods.HttpGet;
import org.apache.http.client.methods.HttpPost;
import org.apache.http.client.methods.HttpRequestBase;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.impl.client.CloseableHttpClient;
import org.apache.http.impl.client.HttpClients;
import org.apache.http.util.EntityUtils;

import javax.net.ssl.SSLContext;
import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A client at its own address: every connection leaves from one loopback address (127.0.0.2, 127.0.0.3, …; Linux
 * routes all of 127/8 to the loopback), so Caddy and the gateway see different callers on one machine. Java's own
 * HttpClient cannot bind a local address; Apache HttpClient 4 (RestAssured's) can. {@link Caddy#DOMAIN} resolves to
 * 127.0.0.1 here (and localhost, the launcher's gateway), so TLS gets the site's name for SNI and the host check. No redirects followed, no retries, no
 * transparent decompression: the test sees what came over the wire.
 */
final class Caller implements Closeable {

    record Reply(int status, Map<String, List<String>> headers, byte[] body, long millis) {
        String header(String name) {
            List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
            return values == null ? null : values.get(0);
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return status + " " + headers + " " + text();
        }
    }

    final String address;
    private final RequestConfig config;
    private final CloseableHttpClient client;

    Caller(String address, SSLContext trust) throws IOException {
        this.address = address;
        InetAddress local = InetAddress.getByName(address);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        this.config = RequestConfig.custom().setLocalAddress(local).setRedirectsEnabled(false)
                .setConnectTimeout(5_000).setSocketTimeout(60_000).build();
        this.client = HttpClients.custom()
                .setSSLContext(trust)
                // localhost too: an IPv6 ::1 would not go with an IPv4 local address
                .setDnsResolver(host -> Caddy.DOMAIN.equalsIgnoreCase(host) || "localhost".equalsIgnoreCase(host)
                        ? new InetAddress[]{loopback} : InetAddress.getAllByName(host))
                .setDefaultRequestConfig(config)
                .disableContentCompression()
                .disableAutomaticRetries()
                .disableCookieManagement()
                .setUserAgent(EdgeIT.USER_AGENT)
                .build();
    }

    Reply get(URI uri, Map<String, String> headers) throws IOException {
        return send(new HttpGet(uri), headers);
    }

    Reply post(URI uri, String contentType, byte[] body, Map<String, String> headers) throws IOException {
        HttpPost post = new HttpPost(uri);
        post.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        return send(post, headers);
    }

    /**
     * A large upload the way a careful client sends it: headers first with {@code Expect: 100-continue}, the body
     * only once the server wants it. A server that refuses at once (413) answers before the body, and the client
     * reads that answer; a client that pushes megabytes first meets a closed connection instead.
     */
    Reply upload(URI uri, String contentType, byte[] body, Map<String, String> headers) throws IOException {
        HttpPost post = new HttpPost(uri);
        post.setConfig(RequestConfig.copy(config).setExpectContinueEnabled(true).build());
        post.setEntity(new ByteArrayEntity(body, ContentType.parse(contentType)));
        return send(post, headers);
    }

    private Reply send(HttpRequestBase request, Map<String, String> headers) throws IOException {
        headers.forEach(request::addHeader);
        long start = System.nanoTime();
        try (CloseableHttpResponse response = client.execute(request)) {
            HttpEntity entity = response.getEntity();
            byte[] body = entity == null ? new byte[0] : EntityUtils.toByteArray(entity);
            long millis = (System.nanoTime() - start) / 1_000_000;
            Map<String, List<String>> all = new LinkedHashMap<>();
            for (Header header : response.getAllHeaders()) {
                all.computeIfAbsent(header.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(header.getValue());
            }
            return new Reply(response.getStatusLine().getStatusCode(), all, body, millis);
        }
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
