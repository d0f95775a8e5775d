package id.qutab.systemtests.workflow;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The CI workflow cannot run on these machines, so the build checks it: every {@code .github/workflows/*.yml} is
 * valid against SchemaStore's GitHub workflow schema (vendored, see src/test/resources/schemas/README.md), and what a
 * schema cannot know holds: every module of the native matrix is a module of the reactor, and the native builder
 * image is the one {@code deploy/docker/Dockerfile.native} builds with.
 */
class WorkflowFileTest {

    private static final Path REPO = Path.of("..").toAbsolutePath().normalize();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final Pattern BUILDER_IN_DOCKERFILE =
            Pattern.compile("(?m)^FROM\\s+(\\S*mandrel-builder-image\\S*)\\s+AS\\s+build\\s*$");
    private static final Pattern MODULE = Pattern.compile("<module>([^<]+)</module>");
    /** An action pinned to a release (vX.Y.Z) or a commit, never a moving branch or major tag. */
    private static final Pattern PINNED = Pattern.compile("[^@\\s]+@(v\\d+\\.\\d+\\.\\d+|[0-9a-f]{40})");

    @Test
    void theRepositorysWorkflowsAreValidAndConsistentWithTheBuild() {
        List<Path> workflows = workflows(REPO);
        assertFalse(workflows.isEmpty(), "no workflow under " + REPO.resolve(".github/workflows"));
        for (Path workflow : workflows) {
            assertEquals(List.of(), problems(REPO, workflow), workflow.toString());
        }
        // The native job builds the four services and the gateway.
        JsonNode matrix = read(REPO.resolve(".github/workflows/ci.yml")).at("/jobs/native/strategy/matrix/module");
        List<String> modules = new ArrayList<>();
        matrix.forEach(m -> modules.add(m.asString()));
        assertEquals(List.of("identity-service", "commerce-service", "affiliate-service", "payout-service", "gateway"),
                modules);
    }

    @Test
    void aBrokenCopyOfTheWorkflowFails(@TempDir Path copy) throws IOException {
        Files.createDirectories(copy.resolve(".github/workflows"));
        Files.createDirectories(copy.resolve("deploy/docker"));
        Files.copy(REPO.resolve("pom.xml"), copy.resolve("pom.xml"));
        Files.copy(REPO.resolve("deploy/docker/Dockerfile.native"), copy.resolve("deploy/docker/Dockerfile.native"));
        String original = Files.readString(REPO.resolve(".github/workflows/ci.yml"));
        Path workflow = copy.resolve(".github/workflows/ci.yml");

        // the copy as it is: no problems (the mutations below are what fails)
        Files.writeString(workflow, original);
        assertEquals(List.of(), problems(copy, workflow));

        // a job without runs-on (schema)
        Files.writeString(workflow, original.replaceFirst("(?m)^    runs-on: ubuntu-latest\\n", ""));
        assertTrue(problems(copy, workflow).stream().anyMatch(p -> p.startsWith("schema:")),
                () -> problems(copy, workflow).toString());

        // a misspelt keyword (schema)
        Files.writeString(workflow, original.replace("timeout-minutes: 60", "timeout-minute: 60"));
        assertTrue(problems(copy, workflow).stream().anyMatch(p -> p.startsWith("schema:")),
                () -> problems(copy, workflow).toString());

        // a matrix module the reactor does not have
        Files.writeString(workflow, original.replace("payout-service, gateway]", "payout-service, gateway, billing]"));
        assertEquals(List.of("matrix module billing is not a module of the root pom.xml"), problems(copy, workflow));

        // an action on a moving tag
        Files.writeString(workflow, original.replace("actions/cache@v4.2.3", "actions/cache@v4"));
        assertTrue(problems(copy, workflow).contains("action actions/cache@v4 is not pinned to a release tag (vX.Y.Z)"
                + " or a commit"), () -> problems(copy, workflow).toString());

        // another builder image than the Dockerfile's
        Files.writeString(workflow, original.replaceFirst("mandrel-builder-image:[^\\s]+",
                "mandrel-builder-image:jdk-21"));
        assertEquals(List.of("workflow builder image quay.io/quarkus/ubi9-quarkus-mandrel-builder-image:jdk-21 is not"
                + " the one deploy/docker/Dockerfile.native builds with (" + dockerfileBuilder(copy) + ")"),
                problems(copy, workflow));
    }

    /** Schema errors first ("schema: ..."), then the cross-references; empty when the workflow is fine. */
    private static List<String> problems(Path repo, Path workflow) {
        JsonNode tree = read(workflow);
        List<String> problems = new ArrayList<>();
        for (Error error : schema().validate(tree)) {
            problems.add("schema: " + error.getInstanceLocation() + " " + error.getMessage());
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        List<String> reactor = reactorModules(repo);
        for (JsonNode job : tree.path("jobs")) {
            for (JsonNode step : job.path("steps")) {
                String uses = step.path("uses").asString("");
                if (!uses.isEmpty() && !PINNED.matcher(uses).matches()) {
                    problems.add("action " + uses + " is not pinned to a release tag (vX.Y.Z) or a commit");
                }
            }
            for (JsonNode module : job.path("strategy").path("matrix").path("module")) {
                if (!reactor.contains(module.asString())) {
                    problems.add("matrix module " + module.asString() + " is not a module of the root pom.xml");
                }
            }
        }
        String builder = tree.path("env").path("MANDREL_BUILDER_IMAGE").asString("");
        if (!builder.isEmpty() || workflow.getFileName().toString().equals("ci.yml")) {
            String dockerfile = dockerfileBuilder(repo);
            if (!builder.equals(dockerfile)) {
                problems.add("workflow builder image " + builder + " is not the one deploy/docker/Dockerfile.native"
                        + " builds with (" + dockerfile + ")");
            }
        }
        return problems;
    }

    private static Schema schema() {
        try (InputStream in = WorkflowFileTest.class.getResourceAsStream("/schemas/github-workflow.json")) {
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7).getSchema(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String dockerfileBuilder(Path repo) {
        try {
            Matcher m = BUILDER_IN_DOCKERFILE.matcher(Files.readString(repo.resolve("deploy/docker/Dockerfile.native")));
            return m.find() ? m.group(1) : "(no Mandrel builder stage)";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> reactorModules(Path repo) {
        try {
            Matcher m = MODULE.matcher(Files.readString(repo.resolve("pom.xml")));
            List<String> modules = new ArrayList<>();
            while (m.find()) {
                modules.add(m.group(1).trim());
            }
            return modules;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(Path yaml) {
        try {
            return YAML.readTree(Files.readString(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> workflows(Path repo) {
        Path dir = repo.resolve(".github/workflows");
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
