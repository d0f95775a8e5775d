package id.qutab.console.web;

import id.qutab.console.api.Api;
import jakarta.ws.rs.core.UriInfo;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One page of an admin list. The filters the page was opened with go to the API's list as they are (with
 * {@code ?page=&size=} from the URL), and come back to the template with the items and the {@link Pager}, so the
 * filter form shows what is applied and every page of a filtered list has a URL of its own.
 */
public final class Listing {

    private final UriInfo uri;
    private final Map<String, Object> filters = new LinkedHashMap<>();

    private Listing(UriInfo uri) {
        this.uri = uri;
    }

    public static Listing of(UriInfo uri) {
        return new Listing(uri);
    }

    /** A filter for the API; {@code null} or empty means "not filtered". */
    public Listing filter(String name, Object value) {
        filters.put(name, value);
        return this;
    }

    /** Calls the API list at {@code path}; the template gets the items as {@code itemsName}, the pager and the filters. */
    public Map<String, Object> fetch(Api api, String path, String itemsName) {
        Map<String, Object> query = new HashMap<>(filters);
        query.put("page", uri.getQueryParameters().getFirst("page"));
        query.put("size", uri.getQueryParameters().getFirst("size"));
        Map<String, Object> found = api.get(path, query);
        Map<String, Object> data = new HashMap<>();
        data.put(itemsName, found.get("items"));
        data.put("pager", Pager.of(found, uri));
        filters.forEach((name, value) -> data.put(name, value == null ? "" : value.toString()));
        return data;
    }
}
