package id.qutab.console.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.InputStream;
import java.net.http.HttpResponse;

/**
 * A download from the API (CSV, PDF, an image) handed to the browser as it arrives: the console never holds a whole
 * export in memory, and the file keeps the API's Content-Type and Content-Disposition (its name).
 */
public final class Passthrough {

    private Passthrough() {
    }

    public static Response of(HttpResponse<InputStream> answer) {
        return of(answer, null);
    }

    /** As {@link #of(HttpResponse)}; {@code filename} names the download when the API gave no Content-Disposition. */
    public static Response of(HttpResponse<InputStream> answer, String filename) {
        StreamingOutput body = out -> {
            try (InputStream in = answer.body()) {
                in.transferTo(out);
            }
        };
        Response.ResponseBuilder response = Response.ok(body)
                .type(answer.headers().firstValue("Content-Type").orElse("application/octet-stream"))
                .header("X-Content-Type-Options", "nosniff")
                // KTP images, statements and transfer batches are personal or financial data: never cached
                .header("Cache-Control", "private, no-store");
        answer.headers().firstValue("Content-Disposition")
                .or(() -> java.util.Optional.ofNullable(filename).map(f -> "attachment; filename=\"" + f + "\""))
                .ifPresent(d -> response.header("Content-Disposition", d));
        return response.build();
    }
}
