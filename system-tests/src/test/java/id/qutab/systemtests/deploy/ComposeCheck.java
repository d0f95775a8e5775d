package id.qutab.systemtests.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a compose file with Debian's {@code docker-compose} (1.29, {@code config} needs no daemon), then checks the
 * rendered file against this repository: images built from existing Dockerfiles and modules, environment variables the
 * apps actually read, ports that are the apps' ports, dependencies and volumes that exist.
 */
final class ComposeCheck {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Where the images this project does not build listen (service URLs to them are checked against these). */
    private static final Map<String, List<Integer>> IMAGE_PORTS = Map.of("postgres", List.of(5432), "axllent/mailpit", List.of(1025, 8025));
    private static final Pattern SERVICE_URL = Pattern.compile("(?:https?|jdbc:postgresql)://([a-z0-9][a-z0-9-]*):(\\d+)");

    private ComposeCheck() {
    }

    /** Renders the compose file; the rendered YAML, or the tool's complaint as an exception. */
    static String render(Path composeFile, Path envFile) {
        Repo.Result r = Repo.run(Repo.DIR, List.of("docker-compose", "--project-directory", Repo.DIR.toString(),
                "--env-file", envFile.toString(), "-f", composeFile.toString(), "config"), Map.of(), 120);
        if (!r.ok()) {
            throw new IllegalStateException("docker-compose config rejects " + composeFile.getFileName() + ": " + r.stderr().strip());
        }
        return r.stdout();
    }

    /** Every problem found: the file does not render, or names something the project does not have. */
    static List<String> problems(Path composeFile, Path envFile) {
        String rendered;
        try {
            rendered = render(composeFile, envFile);
        } catch (IllegalStateException e) {
            return List.of(e.getMessage());
        }
        JsonNode root;
        try {
            root = YAML.readTree(rendered);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> problems = new ArrayList<>();
        JsonNode services = root.path("services");
        Map<String, List<Integer>> ports = new HashMap<>();
        services.fields().forEachRemaining(s -> ports.put(s.getKey(), listeningPorts(s.getKey(), s.getValue(), problems)));
        List<String> modules = Repo.modules();

        services.fields().forEachRemaining(entry -> {
            String name = entry.getKey();
            JsonNode service = entry.getValue();
            String where = "service " + name + ": ";
            JsonNode build = service.get("build");
            String module = null;
            if (build != null) {
                Path context = Path.of(build.path("context").asText("."));
                Path dockerfile = context.resolve(build.path("dockerfile").asText("Dockerfile"));
                if (!Files.isRegularFile(dockerfile)) {
                    problems.add(where + "build.dockerfile " + dockerfile + " does not exist");
                }
                module = build.path("args").path("MODULE").asText(null);
                if (module != null && !modules.contains(module)) {
                    problems.add(where + "MODULE " + module + " is not a Maven module of this repository " + modules);
                    module = null;
                }
            } else if (!service.has("image")) {
                problems.add(where + "neither builds nor names an image");
            }
            service.path("environment").fields().forEachRemaining(env -> {
                Matcher url = SERVICE_URL.matcher(env.getValue().asText());
                while (url.find()) {
                    String host = url.group(1);
                    int port = Integer.parseInt(url.group(2));
                    if (!services.has(host)) {
                        continue; // an outside address (the provider's API, a public URL)
                    }
                    List<Integer> target = ports.get(host);
                    if (!target.isEmpty() && !target.contains(port)) {
                        problems.add(where + env.getKey() + " calls " + host + ":" + port + ", but " + host + " listens on " + target);
                    }
                }
            });
            // X_HOST naming a service goes with X_PORT: that service must listen there (SMTP to mailpit, ...).
            service.path("environment").fields().forEachRemaining(env -> {
                String host = env.getValue().asText();
                if (env.getKey().endsWith("_HOST") && services.has(host)) {
                    String portKey = env.getKey().substring(0, env.getKey().length() - "_HOST".length()) + "_PORT";
                    String port = service.path("environment").path(portKey).asText("");
                    List<Integer> listening = ports.get(host);
                    if (port.matches("\\d+") && !listening.isEmpty() && !listening.contains(Integer.parseInt(port))) {
                        problems.add(where + env.getKey() + "/" + portKey + " call " + host + ":" + port + ", but " + host + " listens on " + listening);
                    }
                }
            });
            // A directory an app keeps data in must be a mounted volume: the container's own file system is
            // read-only and is lost with the container.
            List<String> mountTargets = new ArrayList<>();
            for (JsonNode volume : service.path("volumes")) {
                String[] parts = volume.isTextual() ? volume.asText().split(":") : new String[] {"", volume.path("target").asText()};
                if (parts.length > 1) {
                    mountTargets.add(parts[1]);
                }
            }
            service.path("environment").fields().forEachRemaining(env -> {
                String dir = env.getValue().asText();
                if (env.getKey().endsWith("_DIR") && dir.startsWith("/")
                        && mountTargets.stream().noneMatch(t -> dir.equals(t) || dir.startsWith(t + "/"))) {
                    problems.add(where + env.getKey() + "=" + dir + " is on no mounted volume " + mountTargets + ": its files die with the container");
                }
            });
            if (module != null) {
                AppConfigKeys keys = AppConfigKeys.of(module);
                service.path("environment").fieldNames().forEachRemaining(env ->
                        keys.whyIgnored(env).ifPresent(why -> problems.add(where + why)));
                List<String> names = new ArrayList<>();
                service.path("environment").fieldNames().forEachRemaining(names::add);
                AppConfigKeys.missingPartners(names).forEach(p -> problems.add(where + p));
                // A file path under /run/secrets/ must be a secret the service mounts.
                java.util.Set<String> mounted = new java.util.HashSet<>();
                service.path("secrets").forEach(sec -> mounted.add(sec.isTextual() ? sec.asText() : sec.path("target").asText(sec.path("source").asText())));
                service.path("environment").fields().forEachRemaining(e -> {
                    String value = e.getValue().asText();
                    if (value.startsWith("/run/secrets/") && !mounted.contains(value.substring("/run/secrets/".length()))) {
                        problems.add(where + e.getKey() + " points at " + value + ", but the service mounts no such secret " + mounted);
                    }
                });
                String portEnv = service.path("environment").path("QUARKUS_HTTP_PORT").asText(null);
                OptionalInt appPort = keys.httpPort();
                if (portEnv != null && appPort.isPresent() && Integer.parseInt(portEnv) != appPort.getAsInt()) {
                    problems.add(where + "QUARKUS_HTTP_PORT " + portEnv + " is not " + module + "'s quarkus.http.port " + appPort.getAsInt());
                }
            }
            for (JsonNode published : service.path("ports")) {
                int containerPort = containerPort(published);
                List<Integer> listening = ports.get(name);
                if (containerPort > 0 && !listening.isEmpty() && !listening.contains(containerPort)) {
                    problems.add(where + "publishes container port " + containerPort + ", but it listens on " + listening);
                }
            }
            JsonNode dependsOn = service.path("depends_on");
            List<String> targets = new ArrayList<>();
            if (dependsOn.isArray()) {
                dependsOn.forEach(d -> targets.add(d.asText()));
            } else {
                dependsOn.fieldNames().forEachRemaining(targets::add);
            }
            targets.stream().filter(t -> !services.has(t)).forEach(t -> problems.add(where + "depends_on " + t + ", which is no service"));
            for (JsonNode volume : service.path("volumes")) {
                String source = volume.isTextual() ? volume.asText().split(":")[0] : volume.path("source").asText();
                if (source.startsWith("/")) {
                    // Docker creates a missing directory, but a missing file becomes an empty directory: a file of the
                    // repository (a script, a config) must exist.
                    if (Path.of(source).getFileName().toString().contains(".") && !Files.exists(Path.of(source))) {
                        problems.add(where + "mounts " + source + ", which does not exist");
                    }
                } else if (!source.isEmpty() && !root.path("volumes").has(source)) {
                    problems.add(where + "mounts volume " + source + ", which is not declared under volumes:");
                }
            }
            if (build != null && build.path("dockerfile").asText().startsWith("deploy/backup/")) {
                backupService(where, service, services, problems);
            }
            for (JsonNode secret : service.path("secrets")) {
                String source = secret.isTextual() ? secret.asText() : secret.path("source").asText();
                if (!root.path("secrets").has(source)) {
                    problems.add(where + "uses secret " + source + ", which is not declared under secrets:");
                }
            }
        });
        return problems;
    }

    /** The variables the backup scripts read, and libpq's connection variables pg_dump reads. */
    private static final Pattern SCRIPT_VAR = Pattern.compile("\\$\\{?([A-Z][A-Z0-9_]*)");
    private static final List<String> LIBPQ = List.of("PGHOST", "PGPORT", "PGUSER", "PGPASSWORD", "PGDATABASE");

    /**
     * The backup service reads only what its scripts read, and never the keys to what it backs up: no KTP key (by
     * name or by value), no JWT secret, no deploy/secrets key files other than its own ssh directory.
     */
    private static void backupService(String where, JsonNode service, JsonNode services, List<String> problems) {
        java.util.Set<String> read = new java.util.HashSet<>(LIBPQ);
        for (String script : List.of("backup.sh", "restore.sh")) {
            Matcher m = SCRIPT_VAR.matcher(Repo.read(Repo.DIR.resolve("deploy/backup").resolve(script)));
            while (m.find()) {
                read.add(m.group(1));
            }
        }
        java.util.Set<String> keyValues = new java.util.HashSet<>();
        services.forEach(other -> other.path("environment").fields().forEachRemaining(e -> {
            if (e.getKey().matches("QUTAB_KTP_(KEY|RETIRED_KEYS)") && !e.getValue().asText().isBlank()) {
                keyValues.add(e.getValue().asText());
            }
        }));
        service.path("environment").fields().forEachRemaining(e -> {
            if (!read.contains(e.getKey())) {
                problems.add(where + e.getKey() + ": the backup scripts never read it");
            }
            if (e.getKey().startsWith("QUTAB_KTP_KEY") || keyValues.contains(e.getValue().asText())) {
                problems.add(where + e.getKey() + " hands the KTP key to the backups: a stolen backup would carry the key to its ciphertext");
            }
        });
        for (JsonNode secret : service.path("secrets")) {
            problems.add(where + "uses secret " + (secret.isTextual() ? secret.asText() : secret.path("source").asText())
                    + ": the backup service gets no key of the apps");
        }
        for (JsonNode volume : service.path("volumes")) {
            String source = volume.isTextual() ? volume.asText().split(":")[0] : volume.path("source").asText();
            if (source.contains("/deploy/secrets") && !source.endsWith("/deploy/secrets/backup-ssh")) {
                problems.add(where + "mounts " + source + ": the backup service gets no key of the apps");
            }
        }
    }

    /** The ports a service listens on: the app's HTTP port (env or application.properties), a tool's *_PORT, an image's known ports. */
    private static List<Integer> listeningPorts(String name, JsonNode service, List<String> problems) {
        JsonNode env = service.path("environment");
        String module = service.path("build").path("args").path("MODULE").asText(null);
        if (module != null && Repo.isQuarkusApp(module)) {
            if (env.has("QUARKUS_HTTP_PORT")) {
                return List.of(Integer.parseInt(env.get("QUARKUS_HTTP_PORT").asText()));
            }
            OptionalInt port = AppConfigKeys.of(module).httpPort();
            return port.isPresent() ? List.of(port.getAsInt()) : List.of();
        }
        if (module != null) {
            List<Integer> toolPorts = new ArrayList<>();
            env.fields().forEachRemaining(e -> {
                if (e.getKey().endsWith("_PORT") && e.getValue().asText().matches("\\d+")) {
                    toolPorts.add(Integer.parseInt(e.getValue().asText()));
                }
            });
            return toolPorts;
        }
        String image = service.path("image").asText("").replaceAll("[:@].*$", "");
        return IMAGE_PORTS.getOrDefault(image, List.of());
    }

    private static int containerPort(JsonNode published) {
        if (published.isObject()) {
            return published.path("target").asInt();
        }
        String spec = published.asText().replaceAll("/(tcp|udp)$", "");
        String[] parts = spec.split(":");
        String last = parts[parts.length - 1];
        return last.matches("\\d+") ? Integer.parseInt(last) : -1;
    }
}
