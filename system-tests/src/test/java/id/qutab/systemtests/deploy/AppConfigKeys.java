package id.qutab.systemtests.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

/**
 * Which environment variables one module of this repository actually reads, so that a deployment file cannot set one
 * the app ignores (a typo, a renamed key, a build-time property set at run time).
 *
 * <p>A Quarkus app reads: the keys of its application.properties and of the platform defaults it ships, explicit
 * {@code ${ENV}} references in their values, its {@code @ConfigMapping} interfaces and {@code @ConfigProperty} names,
 * and every run-time property of the extensions packaged in {@code target/quarkus-app/lib/main} (their
 * {@code META-INF/quarkus-config-doc/quarkus-config-model.json}). A plain tool reads the names its code spells out.
 */
final class AppConfigKeys {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, AppConfigKeys> CACHE = new HashMap<>();
    private static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)");
    private static final Pattern MAPPING_PREFIX = Pattern.compile("@ConfigMapping\\(\\s*prefix\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern CONFIG_PROPERTY = Pattern.compile("@ConfigProperty\\(\\s*name\\s*=\\s*\"([^\"]+)\"");
    private static final Pattern ABSTRACT_METHOD = Pattern.compile("([\\w<>,?.\\[\\] ]+?)\\s+(\\w+)\\(\\)\\s*;");
    private static final Pattern NESTED_INTERFACE = Pattern.compile("\\binterface\\s+(\\w+)");
    private static final Pattern STRING_LITERAL = Pattern.compile("\"([A-Z][A-Z0-9_]*)\"");

    final String module;
    final boolean quarkusApp;
    private final Set<String> envRefs = new HashSet<>();
    private final Set<String> exactEnv = new HashSet<>();
    private final Set<String> groupEnvPrefixes = new HashSet<>();
    private final List<QuarkusProperty> extensionProperties = new ArrayList<>();
    private final Set<String> toolLiterals = new HashSet<>();
    private final Properties appProperties = new Properties();

    private record QuarkusProperty(String property, Pattern env, String phase) {
    }

    static synchronized AppConfigKeys of(String module) {
        return CACHE.computeIfAbsent(module, AppConfigKeys::new);
    }

    private AppConfigKeys(String module) {
        this.module = module;
        Path dir = Repo.DIR.resolve(module);
        this.quarkusApp = Repo.isQuarkusApp(module);
        List<Path> sources = new ArrayList<>(List.of(dir.resolve("src/main/java")));
        if (!quarkusApp) {
            sources.forEach(this::readToolLiterals);
            return;
        }
        boolean withPlatform = Repo.read(dir.resolve("pom.xml")).contains("<artifactId>qutab-platform</artifactId>");
        if (withPlatform) {
            sources.add(Repo.DIR.resolve("platform/core/src/main/java"));
            readProperties(Repo.DIR.resolve("platform/core/src/main/resources/META-INF/microprofile-config.properties"));
        }
        readProperties(dir.resolve("src/main/resources/application.properties"));
        sources.forEach(this::readJavaConfig);
        readExtensions(dir.resolve("target/quarkus-app/lib/main"));
    }

    /** Whether the packaged app ships a library whose jar name starts with this (e.g. io.quarkus.quarkus-smallrye-health-). */
    boolean ships(String jarPrefix) {
        try (Stream<Path> jars = Files.list(Repo.DIR.resolve(module).resolve("target/quarkus-app/lib/main"))) {
            return jars.anyMatch(j -> j.getFileName().toString().startsWith(jarPrefix));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Why the app would ignore this environment variable, or empty when it reads it. */
    Optional<String> whyIgnored(String env) {
        if (!quarkusApp) {
            boolean read = toolLiterals.contains(env) || toolLiterals.stream().anyMatch(l -> l.endsWith("_") && env.startsWith(l));
            return read ? Optional.empty() : Optional.of(env + ": " + module + "'s code never reads it");
        }
        for (QuarkusProperty p : extensionProperties) {
            if (p.env.matcher(env).matches() && !p.phase.equals("RUN_TIME")) {
                return Optional.of(env + " sets " + p.property + ", fixed when " + module + " is built (" + p.phase
                        + "): the packaged app ignores it at run time");
            }
        }
        if (envRefs.contains(env) || exactEnv.contains(env)
                || groupEnvPrefixes.stream().anyMatch(prefix -> env.startsWith(prefix + "_"))
                || extensionProperties.stream().anyMatch(p -> p.env.matcher(env).matches())) {
            return Optional.empty();
        }
        return Optional.of(env + ": no configuration key of " + module
                + " reads it (application.properties, platform defaults, @ConfigMapping, @ConfigProperty, extensions)");
    }

    /**
     * Settings that only work together: the app silently skips the feature when one is missing (AdminBootstrap skips
     * the admin account without both; the WhatsApp channel refuses to send without the number's id).
     */
    static final Map<String, String> REQUIRED_TOGETHER = Map.of(
            "QUTAB_ADMIN_PASSWORD", "QUTAB_ADMIN_EMAIL",
            "QUTAB_ADMIN_EMAIL", "QUTAB_ADMIN_PASSWORD",
            "QUTAB_WHATSAPP_TOKEN", "QUTAB_WHATSAPP_PHONE_NUMBER_ID");

    /** Problems of one app's whole environment (names set, whatever their source): a setting without its partner. */
    static List<String> missingPartners(java.util.Collection<String> names) {
        List<String> out = new ArrayList<>();
        REQUIRED_TOGETHER.forEach((given, partner) -> {
            if (names.contains(given) && !names.contains(partner)) {
                out.add(given + " is set without " + partner + ": the app skips that feature without both");
            }
        });
        java.util.Collections.sort(out);
        return out;
    }

    /** The port the app listens on when nothing overrides it: quarkus.http.port of its application.properties. */
    OptionalInt httpPort() {
        String value = appProperties.getProperty("quarkus.http.port");
        if (value == null) {
            return OptionalInt.empty();
        }
        Matcher withDefault = Pattern.compile("\\$\\{[^:}]+:(\\d+)}").matcher(value.trim());
        String digits = withDefault.matches() ? withDefault.group(1) : value.trim();
        return digits.matches("\\d+") ? OptionalInt.of(Integer.parseInt(digits)) : OptionalInt.empty();
    }

    /** MicroProfile Config's environment form of a property name: every non-alphanumeric becomes '_', upper case. */
    static String envForm(String property) {
        return property.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private void readProperties(Path file) {
        if (!Files.isRegularFile(file)) {
            return;
        }
        Properties props = new Properties();
        try {
            props.load(new StringReader(Repo.read(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (String key : props.stringPropertyNames()) {
            String value = props.getProperty(key);
            Matcher ref = ENV_REF.matcher(value);
            while (ref.find()) {
                envRefs.add(ref.group(1));
            }
            // %dev./%test. keys are not read in production; %prod. ones are.
            if (key.startsWith("%") && !key.startsWith("%prod.")) {
                continue;
            }
            String plain = key.startsWith("%prod.") ? key.substring("%prod.".length()) : key;
            exactEnv.add(envForm(plain));
            appProperties.setProperty(plain, value);
        }
    }

    private void readJavaConfig(Path sourceRoot) {
        for (Path file : javaFiles(sourceRoot)) {
            String text = stripComments(Repo.read(file));
            Matcher cp = CONFIG_PROPERTY.matcher(text);
            while (cp.find()) {
                exactEnv.add(envForm(cp.group(1)));
            }
            Matcher mapping = MAPPING_PREFIX.matcher(text);
            if (mapping.find()) {
                readMapping(mapping.group(1), text.substring(mapping.end()));
            }
        }
    }

    /**
     * The keys of one {@code @ConfigMapping} interface: each abstract method of the top interface is a key
     * (prefix + kebab-case name, or its {@code @WithName}); a method returning a map or a nested group accepts
     * everything below its name.
     */
    private void readMapping(String prefix, String body) {
        Set<String> nested = new HashSet<>();
        Matcher ni = NESTED_INTERFACE.matcher(body);
        boolean first = true;
        while (ni.find()) {
            if (!first) {
                nested.add(ni.group(1));
            }
            first = false;
        }
        Matcher m = ABSTRACT_METHOD.matcher(body);
        while (m.find()) {
            if (braceDepth(body, m.start()) != 1) {
                continue;
            }
            String type = m.group(1).trim();
            String before = body.substring(Math.max(0, lastBoundary(body, m.start())), m.start());
            Matcher withName = Pattern.compile("@WithName\\(\\s*\"([^\"]+)\"").matcher(before);
            String name = withName.find() ? withName.group(1) : kebab(m.group(2));
            String key = before.contains("@WithParentName") ? prefix : prefix + "." + name;
            boolean group = type.contains("Map<") || nested.stream().anyMatch(n -> type.matches(".*\\b" + n + "\\b.*"));
            if (group) {
                groupEnvPrefixes.add(envForm(key));
            } else {
                exactEnv.add(envForm(key));
            }
        }
    }

    private static int lastBoundary(String text, int pos) {
        int b = Math.max(text.lastIndexOf(';', pos - 1), Math.max(text.lastIndexOf('{', pos - 1), text.lastIndexOf('}', pos - 1)));
        return b + 1;
    }

    private static int braceDepth(String text, int pos) {
        int depth = 0;
        for (int i = 0; i < pos; i++) {
            char c = text.charAt(i);
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
            }
        }
        return depth;
    }

    private static String stripComments(String java) {
        return java.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)//.*$", " ");
    }

    private void readToolLiterals(Path sourceRoot) {
        for (Path file : javaFiles(sourceRoot)) {
            Matcher m = STRING_LITERAL.matcher(stripComments(Repo.read(file)));
            while (m.find()) {
                toolLiterals.add(m.group(1));
            }
        }
    }

    private void readExtensions(Path libMain) {
        if (!Files.isDirectory(libMain)) {
            throw new IllegalStateException(module + " is not packaged (" + libMain + " is missing): the check reads the "
                    + "extensions the app ships. Run it from the reactor (./mvnw verify) or package the app first.");
        }
        try (Stream<Path> jars = Files.list(libMain)) {
            for (Path jar : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    var entry = zip.getEntry("META-INF/quarkus-config-doc/quarkus-config-model.json");
                    if (entry == null) {
                        continue;
                    }
                    try (InputStream in = zip.getInputStream(entry)) {
                        collectProperties(JSON.readTree(in));
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void collectProperties(JsonNode node) {
        if (node.isObject()) {
            JsonNode path = node.get("path");
            if (node.path("@class").asText().endsWith(".ConfigProperty") && path != null && path.has("property")) {
                String phase = node.path("phase").asText("RUN_TIME");
                extensionProperties.add(new QuarkusProperty(path.get("property").asText(), envPattern(path.get("property").asText()), phase));
                for (JsonNode extra : node.path("additionalPaths")) {
                    if (extra.has("property")) {
                        extensionProperties.add(new QuarkusProperty(extra.get("property").asText(), envPattern(extra.get("property").asText()), phase));
                    }
                }
            }
            node.elements().forEachRemaining(this::collectProperties);
        } else if (node.isArray()) {
            node.forEach(this::collectProperties);
        }
    }

    /** quarkus.datasource."datasource-name".jdbc.url → QUARKUS_DATASOURCE(_name_)?_JDBC_URL as a pattern. */
    private static Pattern envPattern(String property) {
        StringBuilder regex = new StringBuilder();
        Matcher placeholder = Pattern.compile("\\.?\"[^\"]+\"|\\[\\*]").matcher(property);
        int last = 0;
        while (placeholder.find()) {
            regex.append(Pattern.quote(envForm(property.substring(last, placeholder.start()))));
            regex.append(placeholder.group().startsWith("[") ? "(_[0-9]+_)?" : "(_[A-Z0-9_]+)?");
            last = placeholder.end();
        }
        regex.append(Pattern.quote(envForm(property.substring(last))));
        return Pattern.compile(regex.toString());
    }

    private static List<Path> javaFiles(Path root) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(p -> p.toString().endsWith(".java")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
