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
 * k8s/overlays/production renders with kubectl kustomize, every object is a valid object of its kind (fabric8's
 * typed model: no unknown field, no wrong type), and the objects name only images, secrets, keys, ports and pods
 * that exist. The negative cases break a copy of k8s/ once each.
 */
class ManifestCheckTest {

    private static final Path K8S = Repo.DIR.resolve("k8s");
    private Path copy;

    @AfterEach
    void cleanUp() {
        Repo.deleteTree(copy);
    }

    @Test
    void theProductionOverlayRendersAndEveryObjectChecksOut() {
        assertEquals(List.of(), ManifestCheck.problems(K8S));
    }

    @Test
    void everyRenderedObjectIsReadIntoItsTypedClass() {
        List<String> problems = new java.util.ArrayList<>();
        var objects = ManifestCheck.typed(ManifestCheck.renderProduction(K8S), problems);
        assertEquals(List.of(), problems);
        assertTrue(objects.stream().anyMatch(o -> o instanceof io.fabric8.kubernetes.api.model.apps.Deployment), "no Deployment read");
        assertTrue(objects.stream().anyMatch(o -> o instanceof io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy), "no NetworkPolicy read");
    }

    @Test
    void anUnknownFieldIsReported() throws IOException {
        mutate("base/gateway.yaml", "periodSeconds: 5", "periodSeconds: 5\n            initialDelay: 3");
        assertProblem("Deployment gateway.spec.template.spec.containers[0].readinessProbe: unknown field(s) [initialDelay]");
        restore();
        mutate("base/config.yaml", "metadata:\n  name: qutab-config\n", "metadata:\n  name: qutab-config\n  label: qutab\ndatas: {}\n");
        assertProblem("ConfigMap qutab-config: unknown field(s) [datas]");
        assertProblem("ConfigMap qutab-config.metadata: unknown field(s) [label]");
    }

    @Test
    void aValueOfTheWrongTypeIsReported() throws IOException {
        mutate("base/admin-console.yaml", "replicas: 1", "replicas: \"one\"");
        assertProblem("Deployment admin-console: not a valid Deployment");
        restore();
        // Kubernetes takes env values as strings only: an unquoted number is refused by the API server, and here.
        mutate("base/admin-console.yaml", "{ name: QUARKUS_HTTP_PORT, value: \"8085\" }", "{ name: QUARKUS_HTTP_PORT, value: 8085 }");
        assertProblem("Deployment admin-console: not a valid Deployment");
    }

    @Test
    void anUnknownKindIsReported() throws IOException {
        mutate("base/storage.yaml", "kind: PersistentVolumeClaim\nmetadata:\n  name: qutab-ktp", "kind: PersistentVolumeClaimTemplate\nmetadata:\n  name: qutab-ktp");
        assertProblem("PersistentVolumeClaimTemplate qutab-ktp: unknown apiVersion/kind v1/PersistentVolumeClaimTemplate");
    }

    @Test
    void aSecretKeyTheOverlayDoesNotGenerateIsReported() throws IOException {
        mutate("base/payout-service.yaml", "key: ktp-key", "key: ktp-secret");
        assertProblem("env QUTAB_KTP_KEY: secret qutab-secrets-");
        assertProblem("has no key ktp-secret");
    }

    @Test
    void aConfigMapKeyThatDoesNotExistIsReported() throws IOException {
        mutate("base/admin-console.yaml", "- { name: QUTAB_CONSOLE_API_URL, value: \"http://gateway:8080\" }",
                "- name: QUTAB_CONSOLE_API_URL\n              valueFrom: { configMapKeyRef: { name: qutab-config, key: QUTAB_CONSOLE_URL } }");
        assertProblem("env QUTAB_CONSOLE_API_URL: ConfigMap qutab-config has no key QUTAB_CONSOLE_URL");
    }

    @Test
    void aWrongPortIsReported() throws IOException {
        mutate("base/payout-service.yaml", "port: 8084, targetPort: http", "port: 8084, targetPort: 8094");
        assertProblem("Service payout-service: targetPort 8094 is no containerPort of the pods it selects");
        restore();
        mutate("base/commerce-service.yaml", "containerPort: 8082", "containerPort: 8092");
        assertProblem("container app: the app listens on 8082, but the container declares ports [8092]");
        restore();
        mutate("base/config.yaml", "http://affiliate-service:8083", "http://affiliate-service:8093");
        assertProblem("calls affiliate-service:8093, but that Service has no port 8093");
    }

    @Test
    void aProbeOutsideTheHealthEndpointsIsReported() throws IOException {
        mutate("base/identity-service.yaml", "path: /q/health/live", "path: /health");
        assertProblem("Deployment identity-service container app livenessProbe: path /health is not a /q/health endpoint");
    }

    @Test
    void anImageOfNoModuleIsReported() throws IOException {
        mutate("base/gateway.yaml", "image: qutab/gateway", "image: qutab/edge");
        assertProblem("image qutab/edge names no app module of this repository");
    }

    @Test
    void aNetworkPolicyThatSelectsNoPodIsReported() throws IOException {
        mutate("base/network-policy.yaml", "matchLabels: { app.kubernetes.io/part-of: qutab }", "matchLabels: { app: qutab }");
        assertProblem("NetworkPolicy qutab-services-internal: ingress from podSelector {app=qutab} matches no pod");
        restore();
        mutate("base/network-policy.yaml", "values: [identity-service,", "values: [identity,");
        assertProblem("NetworkPolicy qutab-services-internal: podSelector names app.kubernetes.io/name=identity, which no pod has");
    }

    @Test
    void aDataDirectoryOffTheVolumesIsReported() throws IOException {
        mutate("base/commerce-service.yaml", "- { name: QUTAB_MEDIA_DIR, value: /data/media }", "- { name: QUTAB_MEDIA_DIR, value: /srv/media }");
        assertProblem("Deployment commerce-service container app env QUTAB_MEDIA_DIR: /srv/media is on no mounted volume");
    }

    @Test
    void anEnvironmentVariableTheAppIgnoresIsReported() throws IOException {
        mutate("base/payout-service.yaml", "name: QUTAB_KTP_DIR,", "name: QUTAB_KTP_PATH,");
        assertProblem("QUTAB_KTP_PATH: no configuration key of payout-service reads it");
    }

    @Test
    void aSecretFileOrSecretKeyOutOfStepIsReported() throws IOException {
        mutate("base/identity-service.yaml", "value: /secrets/jwt/jwt-private.pem", "value: /secrets/jwt/private.pem");
        assertProblem("env SMALLRYE_JWT_SIGN_KEY_LOCATION: /secrets/jwt/private.pem is no key of secret qutab-jwt-");
        restore();
        mutate("overlays/production/secrets.env.example", "referral-visitor-salt=change-me", "referral-visitor-salt=change-me\nreferral-salt=change-me");
        assertProblem(": key referral-salt is generated but no pod uses it");
    }

    @Test
    void aSettingWithoutItsPartnerIsReported() throws IOException {
        mutate("base/identity-service.yaml", "            - { name: QUTAB_ADMIN_EMAIL, value: admin@qutab.id }\n", "");
        assertProblem("Deployment identity-service container app: QUTAB_ADMIN_PASSWORD is set without QUTAB_ADMIN_EMAIL");
    }

    @Test
    void anAutoscaledDeploymentThatPinsItsReplicasIsReported() throws IOException {
        mutate("base/payout-service.yaml", "    matchLabels: { app.kubernetes.io/name: payout-service }\n  template:",
                "    matchLabels: { app.kubernetes.io/name: payout-service }\n  replicas: 1\n  template:");
        assertProblem("Deployment payout-service: sets spec.replicas although HorizontalPodAutoscaler payout-service scales it");
    }

    @Test
    void aManifestThatDoesNotRenderIsReported() throws IOException {
        mutate("base/kustomization.yaml", "  - ingress.yaml", "  - ingress.yaml\n  - backup.yaml");
        assertProblem("kubectl kustomize does not render overlays/production");
    }

    private void assertProblem(String expected) {
        List<String> problems = ManifestCheck.problems(copy);
        assertTrue(problems.stream().anyMatch(p -> p.contains(expected)), "expected a problem containing «" + expected + "», got " + problems);
    }

    private void mutate(String file, String from, String to) throws IOException {
        if (copy == null) {
            copy = Files.createTempDirectory("qutab-k8s-broken-");
            Repo.copyTree(K8S, copy);
        }
        Path target = copy.resolve(file);
        String original = Files.readString(target);
        assertTrue(original.contains(from), file + " no longer contains «" + from + "»: update the test");
        Files.writeString(target, original.replace(from, to));
    }

    private void restore() {
        Repo.deleteTree(copy);
        copy = null;
    }
}
