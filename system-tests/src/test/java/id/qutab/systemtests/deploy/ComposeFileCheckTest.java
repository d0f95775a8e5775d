package id.qutab.systemtests.deploy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker-compose.yml, rendered by Debian's docker-compose with .env.example, names only what this repository has:
 * Dockerfiles, modules, configuration keys the apps read, their ports, declared services, volumes and secrets. The
 * negative cases break a copy of the file once each and expect the check to say what is wrong.
 */
class ComposeFileCheckTest {

    private static final Path COMPOSE = Repo.DIR.resolve("docker-compose.yml");
    private static final Path ENV = Repo.DIR.resolve(".env.example");
    private Path scratch;

    @AfterEach
    void cleanUp() {
        Repo.deleteTree(scratch);
    }

    @Test
    void theComposeFileRendersAndNamesOnlyWhatTheProjectHas() {
        assertEquals(List.of(), ComposeCheck.problems(COMPOSE, ENV));
    }

    @Test
    void anEnvironmentVariableNoAppReadsIsReported() throws IOException {
        assertProblem(mutated("QUTAB_KTP_DIR: /data/ktp", "QUTAB_KTP_DIRECTORY: /data/ktp"), ENV,
                "service payout-service: QUTAB_KTP_DIRECTORY: no configuration key of payout-service reads it");
    }

    @Test
    void aBuildTimePropertySetAtRunTimeIsReported() throws IOException {
        assertProblem(mutated("QUTAB_CONSOLE_API_URL: http://gateway:8080", "QUTAB_CONSOLE_API_URL: http://gateway:8080\n      QUARKUS_HTTP_ROOT_PATH: /console"),
                ENV, "QUARKUS_HTTP_ROOT_PATH sets quarkus.http.root-path, fixed when admin-console is built");
    }

    @Test
    void aWrongPortIsReported() throws IOException {
        assertProblem(mutated("QUTAB_SERVICES_PAYOUT_URL: http://payout-service:8084", "QUTAB_SERVICES_PAYOUT_URL: http://payout-service:8094"),
                ENV, "QUTAB_SERVICES_PAYOUT_URL calls payout-service:8094, but payout-service listens on [8084]");
        assertProblem(mutated("QUARKUS_HTTP_PORT: \"8083\"", "QUARKUS_HTTP_PORT: \"8093\""),
                ENV, "service affiliate-service: QUARKUS_HTTP_PORT 8093 is not affiliate-service's quarkus.http.port 8083");
    }

    @Test
    void aDataDirectoryOffTheVolumesOrAnSmtpPortNobodyListensOnIsReported() throws IOException {
        assertProblem(mutated("QUTAB_KTP_DIR: /data/ktp", "QUTAB_KTP_DIR: /var/ktp"),
                ENV, "service payout-service: QUTAB_KTP_DIR=/var/ktp is on no mounted volume [/data/ktp]");
        assertProblem(mutated("QUARKUS_MAILER_PORT: \"1025\"", "QUARKUS_MAILER_PORT: \"25\""),
                ENV, "QUARKUS_MAILER_HOST/QUARKUS_MAILER_PORT call mailpit:25, but mailpit listens on [1025, 8025]");
    }

    @Test
    void aMissingDockerfileOrModuleIsReported() throws IOException {
        assertProblem(mutated("args: { MODULE: payout-service }", "args: { MODULE: payout }"),
                ENV, "service payout-service: MODULE payout is not a Maven module of this repository");
        assertProblem(mutated("dockerfile: deploy/docker/Dockerfile.jvm-tool\n      args: { MODULE: tools/zendit-sandbox",
                        "dockerfile: deploy/docker/Dockerfile.tool\n      args: { MODULE: tools/zendit-sandbox"),
                ENV, "service zendit-sandbox: build.dockerfile " + Repo.DIR.resolve("deploy/docker/Dockerfile.tool") + " does not exist");
    }

    @Test
    void anUndeclaredDependencyOrVolumeIsReported() throws IOException {
        assertProblem(mutated("depends_on: [identity-service,", "depends_on: [identity,"),
                ENV, "Service 'gateway' depends on service 'identity' which is undefined");
        assertProblem(mutated("- ktp:/data/ktp", "- ktp-files:/data/ktp"), ENV,
                "Named volume \"ktp-files:/data/ktp:rw\" is used in service");
    }

    @Test
    void theBackupServiceNeverGetsTheKeysAndReadsAllItIsGiven() throws IOException {
        assertProblem(mutated("      BACKUP_TZ: Asia/Jakarta\n", "      BACKUP_TZ: Asia/Jakarta\n      KTP: ${QUTAB_KTP_KEY:?}\n"),
                ENV, "service backup: KTP hands the KTP key to the backups");
        assertProblem(mutated("      BACKUP_TZ: Asia/Jakarta\n", "      BACKUP_TZ: Asia/Jakarta\n      BACKUP_KEEP_MONTHLY: \"12\"\n"),
                ENV, "service backup: BACKUP_KEEP_MONTHLY: the backup scripts never read it");
        assertProblem(mutated("      - ./deploy/secrets/backup-ssh:/root/.ssh:ro", "      - ./deploy/secrets:/root/.ssh:ro"),
                ENV, "service backup: mounts " + Repo.DIR.resolve("deploy/secrets") + ": the backup service gets no key of the apps");
    }

    @Test
    void aFileThatDoesNotRenderIsReported() throws IOException {
        Path env = scratch().resolve("no-ktp-key.env");
        Files.writeString(env, Files.readString(ENV).replaceAll("(?m)^QUTAB_KTP_KEY=.*$", ""));
        assertProblem(COMPOSE, env, "docker-compose config rejects docker-compose.yml");
        assertProblem(mutated("x-service: &service\n", "x-service: &service\n bad-indent: [\n"), ENV, "docker-compose config rejects");
    }

    private void assertProblem(Path compose, Path env, String expected) {
        List<String> problems = ComposeCheck.problems(compose, env);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected a problem containing «" + expected + "», got " + problems);
    }

    private Path mutated(String from, String to) throws IOException {
        String original = Files.readString(COMPOSE);
        assertTrue(original.contains(from), "docker-compose.yml no longer contains «" + from + "»: update the test");
        Path copy = Files.createTempFile(scratch(), "docker-compose-", ".yml");
        Files.writeString(copy, original.replace(from, to));
        return copy;
    }

    private Path scratch() throws IOException {
        if (scratch == null) {
            scratch = Files.createTempDirectory("qutab-compose-");
        }
        return scratch;
    }
}
