package id.qutab.console.web;

import io.quarkus.qute.TemplateData;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/**
 * Paging links for an API list ({@code {items, page, size, total}}): the filters stay in the URL, so a page of a
 * filtered list can be shared and the back button returns to it.
 */
@TemplateData
public record Pager(long page, long size, long total, long from, long to, String prevHref, String nextHref) {

    public static Pager of(Map<String, Object> list, UriInfo uri) {
        long page = number(list.get("page"));
        long size = Math.max(1, number(list.get("size")));
        long total = number(list.get("total"));
        int count = list.get("items") instanceof List<?> items ? items.size() : 0;
        long from = count == 0 ? 0 : page * size + 1;
        long to = page * size + count;
        String path = uri.getRequestUri().getRawPath();
        String prev = page > 0 ? path + query(uri.getQueryParameters(), page - 1) : null;
        String next = to < total ? path + query(uri.getQueryParameters(), page + 1) : null;
        return new Pager(page, size, total, from, to, prev, next);
    }

    private static String query(MultivaluedMap<String, String> params, long page) {
        StringBuilder q = new StringBuilder("?page=").append(page);
        params.forEach((key, values) -> {
            if (!key.equals("page")) {
                for (String value : values) {
                    if (value != null && !value.isEmpty()) {
                        q.append('&').append(encode(key)).append('=').append(encode(value));
                    }
                }
            }
        });
        return q.toString();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static long number(Object value) {
        return value instanceof Number n ? n.longValue() : 0;
    }
}
