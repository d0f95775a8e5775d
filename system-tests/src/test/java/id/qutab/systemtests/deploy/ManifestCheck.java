package id.qutab.systemtests.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.type.LogicalType;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Renders a kustomize overlay with {@code kubectl kustomize} and checks every object: read into fabric8's typed
 * Kubernetes model by apiVersion/kind (an unknown kind, an unknown field or a value of the wrong type is a problem),
 * then checked against this repository and against the other objects (images, secrets and their keys, config keys,
 * ports, probes, selectors).
 */
final class ManifestCheck {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    /** Strict typing: Kubernetes refuses "2" for an integer and 8080 for a string, so the check does too. */
    private static final JsonMapper MODEL = JsonMapper.builder()
            .withCoercionConfig(LogicalType.Integer, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Float, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Boolean, c -> c.setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail))
            .withCoercionConfig(LogicalType.Textual, c -> c.setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail).setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();
    private static final Map<String, Class<? extends KubernetesResource>> TYPES = typesByApiVersionAndKind();
    private static final Pattern SERVICE_URL = Pattern.compile("(?:https?|jdbc:postgresql)://([a-z0-9][a-z0-9-]*)(?:\\.[a-z0-9.-]+)?:(\\d+)");

    private ManifestCheck() {
    }

    /**
     * Renders {@code overlays/production} of a copy of the given k8s directory, with the example secrets and a
     * throwaway RSA key pair standing in for the files an operator keeps off the repository.
     */
    static String renderProduction(Path k8sDir) {
        Path copy = null;
        try {
            copy = Files.createTempDirectory("qutab-k8s-");
            Repo.copyTree(k8sDir, copy);
            Path overlay = copy.resolve("overlays/production");
            if (!Files.exists(overlay.resolve("secrets.env")) && Files.exists(overlay.resolve("secrets.env.example"))) {
                Files.copy(overlay.resolve("secrets.env.example"), overlay.resolve("secrets.env"));
            }
            KeyPair keys = KeyPairGenerator.getInstance("RSA").generateKeyPair();
            Repo.write(overlay.resolve("jwt-private.pem"), pem("PRIVATE KEY", keys.getPrivate().getEncoded()));
            Repo.write(overlay.resolve("jwt-public.pem"), pem("PUBLIC KEY", keys.getPublic().getEncoded()));
            Repo.Result r = Repo.run(copy, List.of("kubectl", "kustomize", overlay.toString()), Map.of(), 120);
            if (!r.ok()) {
                throw new IllegalStateException("kubectl kustomize does not render overlays/production: " + r.stderr().strip());
            }
            return r.stdout();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        } finally {
            Repo.deleteTree(copy);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    /** Every problem of the production overlay of this k8s directory. */
    static List<String> problems(Path k8sDir) {
        String rendered;
        try {
            rendered = renderProduction(k8sDir);
        } catch (IllegalStateException e) {
            return List.of(e.getMessage());
        }
        List<String> problems = new ArrayList<>();
        List<HasMetadata> objects = typed(rendered, problems);
        if (problems.isEmpty()) {
            new CrossReferences(objects, problems).check();
        }
        return problems;
    }

    /** Each YAML document read into its typed class; unknown kinds, unknown fields and wrong types become problems. */
    static List<HasMetadata> typed(String rendered, List<String> problems) {
        List<HasMetadata> out = new ArrayList<>();
        try (var docs = YAML.readerFor(JsonNode.class).<JsonNode>readValues(rendered)) {
            while (docs.hasNext()) {
                JsonNode doc = docs.next();
                if (doc == null || doc.isNull() || doc.isMissingNode()) {
                    continue;
                }
                String apiVersion = doc.path("apiVersion").asText();
                String kind = doc.path("kind").asText();
                String name = kind + " " + doc.path("metadata").path("name").asText("?");
                Class<? extends KubernetesResource> type = TYPES.get(apiVersion + "/" + kind);
                if (type == null) {
                    problems.add(name + ": unknown apiVersion/kind " + apiVersion + "/" + kind);
                    continue;
                }
                Object object;
                try {
                    object = MODEL.readValue(doc.toString(), type);
                } catch (RuntimeException e) {
                    problems.add(name + ": not a valid " + type.getSimpleName() + ": " + firstLine(e.getMessage()));
                    continue;
                }
                unknownFields(object, name, problems);
                if (object instanceof HasMetadata typedObject) {
                    out.add(typedObject);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static String firstLine(String message) {
        return message == null ? "" : message.lines().findFirst().orElse("");
    }

    /** Fields the model does not know end up in getAdditionalProperties(): walk every model object for them. */
    private static void unknownFields(Object object, String path, List<String> problems) {
        if (object == null) {
            return;
        }
        if (object instanceof Collection<?> list) {
            int i = 0;
            for (Object item : list) {
                unknownFields(item, path + "[" + i++ + "]", problems);
            }
            return;
        }
        if (object instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, problems));
            return;
        }
        if (!object.getClass().getName().startsWith("io.fabric8.")) {
            return;
        }
        for (Method getter : object.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || !getter.getName().startsWith("get")
                    || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(object);
            } catch (ReflectiveOperationException e) {
                continue;
            }
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    problems.add(path + ": unknown field(s) " + extra.keySet() + " (not in the " + object.getClass().getSimpleName() + " schema)");
                }
                continue;
            }
            String field = getter.getName().substring(3);
            unknownFields(value, path + "." + Character.toLowerCase(field.charAt(0)) + field.substring(1), problems);
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Class<? extends KubernetesResource>> typesByApiVersionAndKind() {
        Map<String, Class<? extends KubernetesResource>> types = new HashMap<>();
        ClassLoader loader = ManifestCheck.class.getClassLoader();
        try {
            Enumeration<URL> lists = loader.getResources("META-INF/services/" + KubernetesResource.class.getName());
            while (lists.hasMoreElements()) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(lists.nextElement().openStream(), StandardCharsets.UTF_8))) {
                    for (String line : in.lines().map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList()) {
                        Class<?> type = Class.forName(line, false, loader);
                        if (HasMetadata.class.isAssignableFrom(type)) {
                            types.put(HasMetadata.getApiVersion(type) + "/" + HasMetadata.getKind(type), (Class<? extends KubernetesResource>) type);
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        return types;
    }

    /** The checks between objects and against the repository, on the typed objects. */
    private static final class CrossReferences {
        private final List<HasMetadata> objects;
        private final List<String> problems;
        private final Map<String, Secret> secrets = new HashMap<>();
        private final Map<String, ConfigMap> configMaps = new HashMap<>();
        private final Map<String, Service> services = new HashMap<>();
        private final Set<String> claims = new HashSet<>();
        private final Map<String, PodTemplateSpec> pods = new LinkedHashMap<>();
        private final Map<String, Deployment> deployments = new HashMap<>();
        private final Set<String> usedSecretKeys = new HashSet<>();

        CrossReferences(List<HasMetadata> objects, List<String> problems) {
            this.objects = objects;
            this.problems = problems;
            for (HasMetadata o : objects) {
                String name = o.getMetadata().getName();
                if (o instanceof Secret s) {
                    secrets.put(name, s);
                } else if (o instanceof ConfigMap c) {
                    configMaps.put(name, c);
                } else if (o instanceof Service s) {
                    services.put(name, s);
                } else if (o instanceof PersistentVolumeClaim) {
                    claims.add(name);
                } else if (o instanceof Deployment d) {
                    deployments.put(name, d);
                    pods.put("Deployment " + name, d.getSpec().getTemplate());
                }
            }
        }

        void check() {
            Map<String, Set<String>> configMapReaders = new HashMap<>();
            deployments.forEach((name, d) -> {
                String where = "Deployment " + name;
                if (!matches(d.getSpec().getSelector(), labels(d.getSpec().getTemplate()))) {
                    problems.add(where + ": its selector does not select its own pod template");
                }
                var spec = d.getSpec().getTemplate().getSpec();
                Set<String> volumes = new HashSet<>();
                for (Volume v : spec.getVolumes()) {
                    volumes.add(v.getName());
                    volume(where, v);
                }
                for (Container c : spec.getContainers()) {
                    container(where + " container " + c.getName(), c, volumes, configMapReaders);
                    secretFiles(where + " container " + c.getName(), c, spec.getVolumes());
                    metricsPort(where, d.getSpec().getTemplate(), c);
                }
            });
            secrets.forEach((name, secret) -> secretKeys(secret).stream().filter(k -> !usedSecretKeys.contains(name + "/" + k)).sorted()
                    .forEach(k -> problems.add("Secret " + name + ": key " + k + " is generated but no pod uses it")));
            configMapReaders.forEach((key, readers) -> {
                if (readers.isEmpty()) {
                    problems.add(key + ": no app that imports the ConfigMap reads it");
                }
            });
            for (HasMetadata o : objects) {
                String where = o.getKind() + " " + o.getMetadata().getName();
                if (o instanceof Service s) {
                    service(where, s);
                } else if (o instanceof NetworkPolicy np) {
                    networkPolicy(where, np);
                } else if (o instanceof Ingress ing) {
                    ingress(where, ing);
                } else if (o instanceof HorizontalPodAutoscaler hpa) {
                    var ref = hpa.getSpec().getScaleTargetRef();
                    if (!"Deployment".equals(ref.getKind()) || !deployments.containsKey(ref.getName())) {
                        problems.add(where + ": scales " + ref.getKind() + " " + ref.getName() + ", which does not exist");
                    } else if (deployments.get(ref.getName()).getSpec().getReplicas() != null) {
                        // Every apply would reset the autoscaled count to this number (Kubernetes' HPA documentation).
                        problems.add("Deployment " + ref.getName() + ": sets spec.replicas although " + where
                                + " scales it: each apply resets the scaled count; set minReplicas instead");
                    }
                } else if (o instanceof ConfigMap c) {
                    c.getData().forEach((key, value) -> serviceUrls(where + " key " + key, value));
                }
            }
        }

        private void volume(String where, Volume v) {
            if (v.getSecret() != null) {
                Secret s = secrets.get(v.getSecret().getSecretName());
                boolean allKeys = v.getSecret().getItems() == null || v.getSecret().getItems().isEmpty();
                if (s != null && allKeys) {
                    secretKeys(s).forEach(k -> usedSecretKeys.add(s.getMetadata().getName() + "/" + k));
                }
                if (s != null && !allKeys) {
                    v.getSecret().getItems().forEach(i -> usedSecretKeys.add(s.getMetadata().getName() + "/" + i.getKey()));
                }
                if (s == null) {
                    problems.add(where + " volume " + v.getName() + ": secret " + v.getSecret().getSecretName() + " is not generated by the overlay");
                } else if (v.getSecret().getItems() != null) {
                    v.getSecret().getItems().stream().filter(i -> !secretKeys(s).contains(i.getKey()))
                            .forEach(i -> problems.add(where + " volume " + v.getName() + ": secret " + s.getMetadata().getName() + " has no key " + i.getKey()));
                }
            }
            if (v.getPersistentVolumeClaim() != null && !claims.contains(v.getPersistentVolumeClaim().getClaimName())) {
                problems.add(where + " volume " + v.getName() + ": no PersistentVolumeClaim " + v.getPersistentVolumeClaim().getClaimName());
            }
            if (v.getConfigMap() != null && !configMaps.containsKey(v.getConfigMap().getName())) {
                problems.add(where + " volume " + v.getName() + ": no ConfigMap " + v.getConfigMap().getName());
            }
        }

        private void container(String where, Container c, Set<String> volumes, Map<String, Set<String>> configMapReaders) {
            String image = c.getImage();
            String module = image.replaceAll("[:@].*$", "").replaceAll("^.*/", "");
            Optional<AppConfigKeys> app = Optional.empty();
            if (!Repo.modules().contains(module) || !Repo.isQuarkusApp(module)) {
                problems.add(where + ": image " + image + " names no app module of this repository");
            } else {
                app = Optional.of(AppConfigKeys.of(module));
            }
            if (!image.contains(":") && !image.contains("@")) {
                problems.add(where + ": image " + image + " has no tag (the overlay's images: did not rewrite it)");
            }
            Set<String> portNames = new HashSet<>();
            Set<Integer> portNumbers = new HashSet<>();
            for (ContainerPort p : c.getPorts()) {
                portNumbers.add(p.getContainerPort());
                if (p.getName() != null) {
                    portNames.add(p.getName());
                }
            }
            Map<String, String> literalEnv = new HashMap<>();
            for (EnvVar e : c.getEnv()) {
                if (e.getValue() != null) {
                    literalEnv.put(e.getName(), e.getValue());
                    serviceUrls(where + " env " + e.getName(), e.getValue());
                }
                app.flatMap(a -> a.whyIgnored(e.getName())).ifPresent(why -> problems.add(where + ": " + why));
                if (e.getValueFrom() != null && e.getValueFrom().getSecretKeyRef() != null) {
                    var ref = e.getValueFrom().getSecretKeyRef();
                    Secret s = secrets.get(ref.getName());
                    if (s == null) {
                        problems.add(where + " env " + e.getName() + ": secret " + ref.getName() + " is not generated by the overlay");
                    } else if (secretKeys(s).contains(ref.getKey())) {
                        usedSecretKeys.add(ref.getName() + "/" + ref.getKey());
                    } else {
                        problems.add(where + " env " + e.getName() + ": secret " + ref.getName() + " has no key " + ref.getKey()
                                + " (it has " + secretKeys(s) + ")");
                    }
                }
                if (e.getValueFrom() != null && e.getValueFrom().getConfigMapKeyRef() != null) {
                    var ref = e.getValueFrom().getConfigMapKeyRef();
                    ConfigMap cm = configMaps.get(ref.getName());
                    if (cm == null || cm.getData() == null || !cm.getData().containsKey(ref.getKey())) {
                        problems.add(where + " env " + e.getName() + ": ConfigMap " + ref.getName() + " has no key " + ref.getKey());
                    }
                }
            }
            Set<String> envNames = new HashSet<>();
            c.getEnv().forEach(e -> envNames.add(e.getName()));
            for (EnvFromSource from : c.getEnvFrom()) {
                if (from.getSecretRef() != null && !secrets.containsKey(from.getSecretRef().getName())) {
                    problems.add(where + ": envFrom secret " + from.getSecretRef().getName() + " is not generated by the overlay");
                } else if (from.getSecretRef() != null) {
                    Secret s = secrets.get(from.getSecretRef().getName());
                    secretKeys(s).forEach(k -> {
                        usedSecretKeys.add(s.getMetadata().getName() + "/" + k);
                        envNames.add(k);
                    });
                }
                if (from.getConfigMapRef() != null && configMaps.containsKey(from.getConfigMapRef().getName())) {
                    envNames.addAll(configMaps.get(from.getConfigMapRef().getName()).getData().keySet());
                }
                if (from.getConfigMapRef() != null) {
                    ConfigMap cm = configMaps.get(from.getConfigMapRef().getName());
                    if (cm == null) {
                        problems.add(where + ": envFrom ConfigMap " + from.getConfigMapRef().getName() + " does not exist");
                    } else {
                        for (String key : cm.getData().keySet()) {
                            Set<String> readers = configMapReaders.computeIfAbsent("ConfigMap " + cm.getMetadata().getName() + " key " + key, k -> new HashSet<>());
                            app.filter(a -> a.whyIgnored(key).isEmpty()).ifPresent(a -> readers.add(a.module));
                        }
                    }
                }
            }
            if (app.isPresent()) {
                AppConfigKeys.missingPartners(envNames).forEach(p -> problems.add(where + ": " + p));
            }
            // The container port must be the port the app listens on.
            app.ifPresent(a -> {
                OptionalInt listens = literalEnv.containsKey("QUARKUS_HTTP_PORT")
                        ? OptionalInt.of(Integer.parseInt(literalEnv.get("QUARKUS_HTTP_PORT"))) : a.httpPort();
                if (listens.isPresent() && !portNumbers.contains(listens.getAsInt())) {
                    problems.add(where + ": the app listens on " + listens.getAsInt() + ", but the container declares ports " + portNumbers);
                }
            });
            for (Map.Entry<String, Probe> probe : probes(c).entrySet()) {
                var http = probe.getValue().getHttpGet();
                if (http == null) {
                    problems.add(where + " " + probe.getKey() + ": not an HTTP probe of /q/health");
                    continue;
                }
                if (http.getPath() == null || !http.getPath().startsWith("/q/health")) {
                    problems.add(where + " " + probe.getKey() + ": path " + http.getPath() + " is not a /q/health endpoint");
                } else if (app.isPresent() && !app.get().ships("io.quarkus.quarkus-smallrye-health-")) {
                    problems.add(where + " " + probe.getKey() + ": " + app.get().module + " ships no quarkus-smallrye-health: " + http.getPath() + " answers 404");
                }
                if (!portMatches(http.getPort(), portNames, portNumbers)) {
                    problems.add(where + " " + probe.getKey() + ": port " + show(http.getPort()) + " is not a declared container port " + portNumbers + portNames);
                }
            }
            // A directory an app keeps data in must be a mounted volume (read-only root file system, pods come and go).
            for (EnvVar e : c.getEnv()) {
                String dir = e.getValue();
                if (e.getName().endsWith("_DIR") && dir != null && dir.startsWith("/")
                        && c.getVolumeMounts().stream().noneMatch(m -> dir.equals(m.getMountPath()) || dir.startsWith(m.getMountPath() + "/"))) {
                    problems.add(where + " env " + e.getName() + ": " + dir + " is on no mounted volume: its files die with the pod");
                }
            }
            c.getVolumeMounts().stream().filter(m -> !volumes.contains(m.getName()))
                    .forEach(m -> problems.add(where + ": mounts volume " + m.getName() + ", which the pod does not declare"));
        }

        /** An env value that is a file under a mounted secret volume must be a key of that secret. */
        private void secretFiles(String where, Container c, List<Volume> podVolumes) {
            for (var mount : c.getVolumeMounts()) {
                Volume v = podVolumes.stream().filter(pv -> pv.getName().equals(mount.getName())).findFirst().orElse(null);
                if (v == null || v.getSecret() == null || !secrets.containsKey(v.getSecret().getSecretName())) {
                    continue;
                }
                String dir = mount.getMountPath().endsWith("/") ? mount.getMountPath() : mount.getMountPath() + "/";
                Set<String> files = secretKeys(secrets.get(v.getSecret().getSecretName()));
                for (EnvVar e : c.getEnv()) {
                    if (e.getValue() != null && e.getValue().startsWith(dir) && !files.contains(e.getValue().substring(dir.length()))) {
                        problems.add(where + " env " + e.getName() + ": " + e.getValue() + " is no key of secret "
                                + v.getSecret().getSecretName() + " mounted at " + mount.getMountPath() + " " + files);
                    }
                }
            }
        }

        /** prometheus.io/port must be a port the pod declares, and /q/metrics needs the Prometheus registry (a scrape of nothing fails silently). */
        private void metricsPort(String where, PodTemplateSpec pod, Container c) {
            Map<String, String> annotations = pod.getMetadata().getAnnotations();
            String port = annotations == null ? null : annotations.get("prometheus.io/port");
            if (port != null && !portNumbers(c).contains(Integer.parseInt(port))) {
                problems.add(where + ": prometheus.io/port " + port + " is no containerPort " + portNumbers(c));
            }
            String module = c.getImage().replaceAll("[:@].*$", "").replaceAll("^.*/", "");
            if (annotations != null && "/q/metrics".equals(annotations.get("prometheus.io/path")) && Repo.isQuarkusApp(module)
                    && !AppConfigKeys.of(module).ships("io.quarkus.quarkus-micrometer-registry-prometheus-")) {
                problems.add(where + ": scraped at /q/metrics, but " + module + " ships no quarkus-micrometer-registry-prometheus");
            }
        }

        private static Map<String, Probe> probes(Container c) {
            Map<String, Probe> probes = new LinkedHashMap<>();
            if (c.getStartupProbe() != null) {
                probes.put("startupProbe", c.getStartupProbe());
            }
            if (c.getReadinessProbe() != null) {
                probes.put("readinessProbe", c.getReadinessProbe());
            }
            if (c.getLivenessProbe() != null) {
                probes.put("livenessProbe", c.getLivenessProbe());
            }
            return probes;
        }

        private void service(String where, Service s) {
            Map<String, String> selector = s.getSpec().getSelector();
            List<Container> selected = new ArrayList<>();
            pods.forEach((name, pod) -> {
                if (selector != null && !selector.isEmpty() && labels(pod).entrySet().containsAll(selector.entrySet())) {
                    selected.addAll(pod.getSpec().getContainers());
                }
            });
            if (selected.isEmpty()) {
                problems.add(where + ": its selector " + selector + " selects no pod");
                return;
            }
            for (ServicePort port : s.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                boolean found = selected.stream().anyMatch(c -> portMatches(target, portNames(c), portNumbers(c)));
                if (!found) {
                    problems.add(where + ": targetPort " + show(target) + " is no containerPort of the pods it selects");
                }
            }
        }

        private void networkPolicy(String where, NetworkPolicy np) {
            if (pods.values().stream().noneMatch(p -> matches(np.getSpec().getPodSelector(), labels(p)))) {
                problems.add(where + ": podSelector matches no pod");
            }
            // Each app an In-list names must exist: a renamed app would silently fall out of the policy.
            for (LabelSelectorRequirement r : Optional.ofNullable(np.getSpec().getPodSelector().getMatchExpressions()).orElse(List.of())) {
                if ("In".equals(r.getOperator())) {
                    r.getValues().stream().filter(v -> pods.values().stream().noneMatch(p -> v.equals(labels(p).get(r.getKey()))))
                            .forEach(v -> problems.add(where + ": podSelector names " + r.getKey() + "=" + v + ", which no pod has"));
                }
            }
            np.getSpec().getIngress().forEach(rule -> {
                for (NetworkPolicyPeer peer : rule.getFrom()) {
                    if (peer.getPodSelector() != null && peer.getNamespaceSelector() == null
                            && pods.values().stream().noneMatch(p -> matches(peer.getPodSelector(), labels(p)))) {
                        problems.add(where + ": ingress from podSelector " + peer.getPodSelector().getMatchLabels() + " matches no pod");
                    }
                }
            });
        }

        private void ingress(String where, Ingress ing) {
            ing.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(path -> {
                IngressServiceBackend backend = path.getBackend().getService();
                Service s = backend == null ? null : services.get(backend.getName());
                if (s == null) {
                    problems.add(where + ": backend service " + (backend == null ? "?" : backend.getName()) + " does not exist");
                    return;
                }
                var port = backend.getPort();
                boolean found = s.getSpec().getPorts().stream().anyMatch(p ->
                        (port.getName() != null && port.getName().equals(p.getName())) || (port.getNumber() != null && port.getNumber().equals(p.getPort())));
                if (!found) {
                    problems.add(where + ": service " + s.getMetadata().getName() + " has no port " + (port.getName() != null ? port.getName() : port.getNumber()));
                }
            }));
        }

        /** http://name:port in a value: a Service of that name with that port, when name is one of ours. */
        private void serviceUrls(String where, String value) {
            Matcher m = SERVICE_URL.matcher(value);
            while (m.find()) {
                Service s = services.get(m.group(1));
                if (s == null) {
                    continue; // outside the overlay: the database, a provider
                }
                int port = Integer.parseInt(m.group(2));
                if (s.getSpec().getPorts().stream().noneMatch(p -> p.getPort() == port)) {
                    problems.add(where + ": calls " + m.group(1) + ":" + port + ", but that Service has no port " + port);
                }
            }
        }

        private static Set<String> secretKeys(Secret s) {
            Set<String> keys = new HashSet<>();
            if (s.getData() != null) {
                keys.addAll(s.getData().keySet());
            }
            if (s.getStringData() != null) {
                keys.addAll(s.getStringData().keySet());
            }
            return keys;
        }

        private static Map<String, String> labels(PodTemplateSpec pod) {
            return pod.getMetadata() == null || pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels();
        }

        private static Set<String> portNames(Container c) {
            Set<String> names = new HashSet<>();
            c.getPorts().stream().map(ContainerPort::getName).filter(Objects::nonNull).forEach(names::add);
            return names;
        }

        private static Set<Integer> portNumbers(Container c) {
            Set<Integer> numbers = new HashSet<>();
            c.getPorts().forEach(p -> numbers.add(p.getContainerPort()));
            return numbers;
        }

        private static boolean portMatches(IntOrString port, Set<String> names, Set<Integer> numbers) {
            if (port == null) {
                return false;
            }
            return port.getIntVal() != null ? numbers.contains(port.getIntVal()) : names.contains(port.getStrVal());
        }

        private static String show(IntOrString port) {
            return port == null ? "none" : port.getIntVal() != null ? String.valueOf(port.getIntVal()) : port.getStrVal();
        }

        /** A label selector (matchLabels and matchExpressions) against a pod's labels. */
        private static boolean matches(LabelSelector selector, Map<String, String> labels) {
            if (selector == null) {
                return false;
            }
            if (selector.getMatchLabels() != null && !labels.entrySet().containsAll(selector.getMatchLabels().entrySet())) {
                return false;
            }
            for (LabelSelectorRequirement r : Optional.ofNullable(selector.getMatchExpressions()).orElse(List.of())) {
                String value = labels.get(r.getKey());
                boolean ok = switch (r.getOperator()) {
                    case "In" -> value != null && r.getValues().contains(value);
                    case "NotIn" -> value == null || !r.getValues().contains(value);
                    case "Exists" -> value != null;
                    case "DoesNotExist" -> value == null;
                    default -> false;
                };
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    static Stream<String> kinds() {
        return TYPES.keySet().stream();
    }
}
