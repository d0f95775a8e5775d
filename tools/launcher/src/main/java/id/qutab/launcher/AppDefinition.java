package id.qutab.launcher;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * One app the launcher runs, as declared in {@code qutab-apps.properties}.
 *
 * @param name         short name ({@code identity}); also names its log file and its URL variable
 * @param module       module directory relative to the repository root
 * @param jar          jar relative to the module directory
 * @param portVariable environment variable that chooses its port
 * @param defaultPort  port when that variable is not set
 * @param portEnv      environment variable the app itself reads its port from, set per process
 * @param schema       PostgreSQL schema it owns, empty when it has no database
 * @param healthPath   readiness path
 * @param openapiPath  OpenAPI path, empty when it publishes none
 * @param entrypoint   the public entry point (the gateway)
 * @param optional     skipped with a warning while its module directory has no pom.xml
 * @param urlVariable  the variable through which every app learns this app's URL; empty: nobody needs it
 * @param exports      more variables (templates) given to every app
 * @param env          variables (templates) given to this app only
 * @param jvmArgs      the JVM's argument file ({@code java @file}) relative to the repository root: its memory and
 *                     JIT settings, the same file the container images copy (deploy/jvm/README.md)
 */
public record AppDefinition(
        String name,
        String module,
        String jar,
        String portVariable,
        int defaultPort,
        String portEnv,
        Optional<String> schema,
        String healthPath,
        Optional<String> openapiPath,
        boolean entrypoint,
        boolean optional,
        Optional<String> urlVariable,
        Map<String, String> exports,
        Map<String, String> env,
        String jvmArgs) {

    public AppDefinition {
        exports = Map.copyOf(exports);
        env = Map.copyOf(env);
    }

    public Path moduleDir(Path repoDir) {
        return repoDir.resolve(module).normalize();
    }

    public Path jvmArgsPath(Path repoDir) {
        return repoDir.resolve(jvmArgs).normalize();
    }

    public Path jarPath(Path repoDir) {
        return moduleDir(repoDir).resolve(jar).normalize();
    }

    /** {@code QUTAB_SERVICES_<NAME>_URL}, the name upper-cased with anything not alphanumeric as {@code _}. */
    public static String defaultUrlVariable(String name) {
        return "QUTAB_SERVICES_" + name.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_") + "_URL";
    }
}
