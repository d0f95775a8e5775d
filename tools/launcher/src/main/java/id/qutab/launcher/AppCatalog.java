package id.qutab.launcher;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;

/** Reads the list of apps to run ({@code qutab-apps.properties}, or a file given instead) in start order. */
public final class AppCatalog {

    /** The JVM settings of a service; the gateway and the local tools name their own file. */
    static final String DEFAULT_JVM_ARGS = "deploy/jvm/service.args";

    public static final String RESOURCE = "/qutab-apps.properties";

    private AppCatalog() {
    }

    /** The catalog bundled with the launcher. */
    public static List<AppDefinition> bundled() {
        try (InputStream in = AppCatalog.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new LauncherException("the launcher jar has no " + RESOURCE);
            }
            return parse(new InputStreamReader(in, StandardCharsets.UTF_8), RESOURCE);
        } catch (IOException e) {
            throw new LauncherException("could not read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    public static List<AppDefinition> fromFile(Path file) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return parse(reader, file.toString());
        } catch (IOException e) {
            throw new LauncherException("could not read the app list " + file + ": " + e.getMessage(), e);
        }
    }

    static List<AppDefinition> parse(Reader reader, String source) throws IOException {
        Properties p = new Properties();
        p.load(reader);
        String apps = p.getProperty("apps", "").trim();
        if (apps.isEmpty()) {
            throw new LauncherException(source + ": no `apps=` list");
        }
        List<AppDefinition> result = new ArrayList<>();
        Set<String> names = new HashSet<>();
        Set<Integer> ports = new HashSet<>();
        for (String raw : apps.split(",")) {
            String name = raw.trim();
            if (name.isEmpty()) {
                continue;
            }
            if (!name.matches("[a-z][a-z0-9-]*")) {
                throw new LauncherException(source + ": app name `" + name + "` must be lower-case letters, digits, '-'");
            }
            if (!names.add(name)) {
                throw new LauncherException(source + ": app `" + name + "` is listed twice");
            }
            String prefix = "app." + name + ".";
            String module = required(p, source, prefix + "module");
            String portVariable = required(p, source, prefix + "port-variable");
            int defaultPort;
            try {
                defaultPort = Integer.parseInt(required(p, source, prefix + "default-port"));
            } catch (NumberFormatException e) {
                throw new LauncherException(source + ": " + prefix + "default-port is not a number");
            }
            if (!ports.add(defaultPort)) {
                throw new LauncherException(source + ": default port " + defaultPort + " is used twice");
            }
            result.add(new AppDefinition(
                    name,
                    module,
                    p.getProperty(prefix + "jar", "target/quarkus-app/quarkus-run.jar").trim(),
                    portVariable,
                    defaultPort,
                    p.getProperty(prefix + "port-env", "QUARKUS_HTTP_PORT").trim(),
                    optional(p, prefix + "schema"),
                    p.getProperty(prefix + "health", "/q/health/ready").trim(),
                    optional(p, prefix + "openapi"),
                    Boolean.parseBoolean(p.getProperty(prefix + "entrypoint", "false").trim()),
                    Boolean.parseBoolean(p.getProperty(prefix + "optional", "false").trim()),
                    urlVariable(p, prefix + "url-variable", name),
                    subMap(p, prefix + "export."),
                    subMap(p, prefix + "env."),
                    p.getProperty(prefix + "jvm-args", DEFAULT_JVM_ARGS).trim()));
        }
        if (result.stream().filter(AppDefinition::entrypoint).count() > 1) {
            throw new LauncherException(source + ": more than one app is marked entrypoint=true");
        }
        return List.copyOf(result);
    }

    private static String required(Properties p, String source, String key) {
        return optional(p, key).orElseThrow(() -> new LauncherException(source + ": " + key + " is missing"));
    }

    private static Optional<String> optional(Properties p, String key) {
        String value = p.getProperty(key);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    /** Absent: {@code QUTAB_SERVICES_<NAME>_URL}; present but empty: no variable (the entry point is called by nobody). */
    private static Optional<String> urlVariable(Properties p, String key, String name) {
        String value = p.getProperty(key);
        if (value == null) {
            return Optional.of(AppDefinition.defaultUrlVariable(name));
        }
        return value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static Map<String, String> subMap(Properties p, String prefix) {
        Map<String, String> sorted = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith(prefix) && key.length() > prefix.length()) {
                sorted.put(key.substring(prefix.length()), p.getProperty(key).trim());
            }
        }
        return new LinkedHashMap<>(sorted);
    }
}
