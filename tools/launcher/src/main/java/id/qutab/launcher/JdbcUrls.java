package id.qutab.launcher;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Small, careful edits of {@code jdbc:postgresql://host[:port][,host2...]/database?params} URLs. */
final class JdbcUrls {

    private static final String PREFIX = "jdbc:postgresql://";

    private JdbcUrls() {
    }

    /**
     * The same server(s) and parameters with another database, without {@code user}/{@code password} parameters
     * (each service gets its own credentials, and a URL parameter would override them).
     */
    static String withDatabase(String url, String database) {
        if (!url.startsWith(PREFIX)) {
            throw new LauncherException("QUTAB_DB_URL must look like jdbc:postgresql://host:5432/postgres, not " + url);
        }
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String params = query < 0 ? "" : rest.substring(query + 1);
        String hostsAndPath = query < 0 ? rest : rest.substring(0, query);
        int slash = hostsAndPath.indexOf('/');
        String hosts = slash < 0 ? hostsAndPath : hostsAndPath.substring(0, slash);
        if (hosts.isEmpty()) {
            throw new LauncherException("QUTAB_DB_URL has no host: " + url);
        }
        List<String> kept = new ArrayList<>();
        for (String param : params.split("&")) {
            String key = param.split("=", 2)[0].toLowerCase(Locale.ROOT);
            if (!param.isEmpty() && !key.equals("user") && !key.equals("password")) {
                kept.add(param);
            }
        }
        return PREFIX + hosts + "/" + database + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
    }

    /** The URL without {@code user}/{@code password} parameters, for printing. */
    static String withoutCredentials(String url) {
        String rest = url.substring(PREFIX.length());
        int query = rest.indexOf('?');
        String path = query < 0 ? rest : rest.substring(0, query);
        int slash = path.indexOf('/');
        String database = slash < 0 ? "" : path.substring(slash + 1);
        return withDatabase(url, database);
    }

    /** A URL parameter's value (not decoded beyond {@code %xx}), or null. */
    static String param(String url, String name) {
        int query = url.indexOf('?');
        if (query < 0) {
            return null;
        }
        for (String param : url.substring(query + 1).split("&")) {
            String[] kv = param.split("=", 2);
            if (kv[0].equalsIgnoreCase(name)) {
                return kv.length == 2 ? java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8) : "";
            }
        }
        return null;
    }
}
