package org.kindred.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.kindred.ops.KustomizeRenderer.Rendered;
import org.kindred.ops.ManifestChecker.Profile;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Checks k8s/ without a cluster: every manifest parses with the fabric8 Kubernetes model (no unknown field, no
 * wrongly typed value), both overlays render (with the kustomize subset in {@link KustomizeRenderer}) and meet the
 * deployment policies, and each kind of breakage in a copy of k8s/ is reported.
 */
class KubernetesManifestsTest {

    static final Path K8S = Path.of("k8s");

    @Test
    void everyManifestParsesStrictlyWithTheKubernetesModel() throws IOException {
        List<Path> files = yamlFiles(K8S).stream()
                .filter(f -> !f.getFileName().toString().equals("kustomization.yaml")).toList();
        assertTrue(files.size() >= 20, "k8s/ holds the manifests: " + files);
        List<String> errors = new ArrayList<>();
        for (Path file : files) {
            for (ObjectNode object : KustomizeRenderer.readAll(file)) {
                ManifestChecker.strictModelErrors(object).forEach(e -> errors.add(file + ": " + e));
            }
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void everyManifestBelongsToAnOverlayAndEveryReferenceExists() throws IOException {
        Set<Path> referenced = new TreeSet<>();
        for (Path kustomization : yamlFiles(K8S)) {
            if (!kustomization.getFileName().toString().equals("kustomization.yaml")) {
                continue;
            }
            JsonNode k = KustomizeRenderer.readSingle(kustomization);
            Stream.concat(stream(k.path("resources")), stream(k.path("patches")).map(p -> p.path("path")))
                    .map(ref -> kustomization.getParent().resolve(ref.asText()).normalize())
                    .forEach(path -> {
                        assertTrue(Files.exists(path), kustomization + " references " + path + ", which is missing");
                        referenced.add(path);
                    });
        }
        List<Path> orphans = yamlFiles(K8S).stream()
                .filter(f -> !f.getFileName().toString().equals("kustomization.yaml") && !referenced.contains(f))
                .toList();
        assertEquals(List.of(), orphans, "manifests no kustomization applies");
        assertTrue(referenced.containsAll(List.of(K8S.resolve("base"), K8S.resolve("prod/deployment-patch.yaml"))));
    }

    @ParameterizedTest
    @EnumSource(Profile.class)
    void theOverlayMeetsTheDeploymentPolicies(Profile profile) {
        assertEquals(List.of(), violations(K8S, profile));
    }

    @Test
    void prodRunsThreeToTenSpreadReplicasOnCloudNativePostgres() {
        Map<String, ObjectNode> prod = byId(KustomizeRenderer.render(K8S.resolve("prod")));
        assertEquals(3, prod.get("HorizontalPodAutoscaler/kindred").at("/spec/minReplicas").asInt());
        assertEquals(10, prod.get("HorizontalPodAutoscaler/kindred").at("/spec/maxReplicas").asInt());
        assertEquals(1, prod.get("PodDisruptionBudget/kindred").at("/spec/maxUnavailable").asInt());
        assertEquals(3, prod.get("Cluster/kindred-db").at("/spec/instances").asInt());
        assertEquals(
                "jdbc:postgresql://kindred-db-rw:5432/kindred?sslmode=verify-full&sslrootcert=/etc/kindred/db-ca/ca.crt",
                prod.get("ConfigMap/kindred-config").at("/data/QUARKUS_DATASOURCE_JDBC_URL").asText());
        // One release, one image: the API, its schema wait and the migration Job cannot run different versions.
        Set<String> images = new TreeSet<>();
        prod.get("Deployment/kindred").at("/spec/template/spec/containers")
                .forEach(c -> images.add(c.path("image").asText()));
        prod.get("Deployment/kindred").at("/spec/template/spec/initContainers")
                .forEach(c -> images.add(c.path("image").asText()));
        prod.get("Job/kindred-migrate").at("/spec/template/spec/containers")
                .forEach(c -> images.add(c.path("image").asText()));
        assertEquals(Set.of("registry.example.org/kindred:1.0.0"), images);
        prod.values().forEach(o -> {
            if (!"Namespace".equals(o.path("kind").asText())) {
                assertEquals("kindred", o.at("/metadata/namespace").asText(), o.path("kind") + " namespace");
            }
        });
    }

    /**
     * Web Push and webhooks in both overlays: the operator's VAPID Secret mounted read-only where the setting points,
     * a push subject that reaches someone, and egress to public HTTPS with every private range excepted (the app's own
     * address check is the first fence; this is the second).
     */
    @ParameterizedTest
    @EnumSource(Profile.class)
    void pushAndWebhooksHaveTheirKeyAndOnlyPublicHttpsEgress(Profile profile) {
        Map<String, ObjectNode> objects = byId(
                KustomizeRenderer.render(K8S.resolve(profile.name().toLowerCase(Locale.ROOT))));
        JsonNode pod = objects.get("Deployment/kindred").at("/spec/template/spec");
        JsonNode api = pod.at("/containers/0");
        assertEquals("/etc/kindred/push/vapid.pem", envValue(api, "KINDRED_PUSH_VAPID_KEY_FILE"));
        JsonNode mount = stream(api.path("volumeMounts"))
                .filter(m -> "/etc/kindred/push".equals(m.path("mountPath").asText())).findFirst().orElseThrow();
        assertTrue(mount.path("readOnly").asBoolean(), "the key is mounted read-only");
        JsonNode volume = stream(pod.path("volumes")).filter(v -> v.path("name").equals(mount.path("name")))
                .findFirst().orElseThrow();
        assertEquals("kindred-push-vapid", volume.at("/secret/secretName").asText());
        assertEquals("vapid.pem", volume.at("/secret/items/0/path").asText());
        assertEquals(288, volume.at("/secret/defaultMode").asInt(), "0440");
        assertTrue(objects.keySet().stream().noneMatch(id -> id.startsWith("Secret/")), "the key is not committed");
        assertTrue(objects.get("ConfigMap/kindred-config").at("/data/KINDRED_PUSH_SUBJECT").asText()
                .matches("(mailto:|https://).+"));

        List<JsonNode> egress = stream(objects.get("NetworkPolicy/kindred-api").at("/spec/egress")).toList();
        List<JsonNode> https = egress.stream()
                .filter(rule -> stream(rule.path("ports")).anyMatch(p -> p.path("port").asInt() == 443)).toList();
        assertEquals(1, https.size(), "one rule for public HTTPS");
        JsonNode block = https.get(0).at("/to/0/ipBlock");
        assertEquals("0.0.0.0/0", block.path("cidr").asText());
        Set<String> excepted = stream(block.path("except")).map(JsonNode::asText).collect(Collectors.toSet());
        assertTrue(excepted.containsAll(List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16",
                "127.0.0.0/8")), "private, link-local and loopback ranges are excepted: " + excepted);
        assertEquals(1, https.get(0).path("to").size());
        assertEquals("TCP", https.get(0).at("/ports/0/protocol").asText());
        assertEquals(1, https.get(0).path("ports").size(), "443 only");
        // The database and DNS rules are still there, beside it.
        assertTrue(egress.stream().anyMatch(rule -> rule.at("/ports/0/port").asInt() == 5432));
        assertTrue(egress.stream().anyMatch(rule -> rule.at("/ports/0/port").asInt() == 53));
    }

    private static String envValue(JsonNode container, String name) {
        return stream(container.path("env")).filter(e -> name.equals(e.path("name").asText())).findFirst()
                .map(e -> e.path("value").asText()).orElse(null);
    }

    /** Each breakage is applied to a fresh copy of k8s/; the checker must report it (and reports nothing before). */
    @TestFactory
    Stream<DynamicTest> theCheckerReportsEachDeliberateBreakage(@TempDir Path tmp) {
        String cursorFromSecret = """
                            - name: KINDRED_CURSOR_SECRET
                              valueFrom:
                                secretKeyRef:
                                  name: kindred-cursor
                                  key: secret
                """;
        String cursorInline = """
                            - name: KINDRED_CURSOR_SECRET
                              value: not-secret-at-all-0123456789abcdef
                """;
        String secret = """
                apiVersion: v1
                kind: Secret
                metadata:
                  name: kindred-db-app
                stringData:
                  username: kindred
                  password: hunter2-but-longer
                """;
        List<Breakage> breakages = List.of(
                new Breakage("an unknown field", Profile.PROD, "base/deployment.yaml",
                        "      enableServiceLinks: false\n",
                        "      enableServiceLinks: false\n      restartPolicyy: Always\n",
                        "spec.template.spec.restartPolicyy: unknown field"),
                new Breakage("a wrongly typed value", Profile.PROD, "base/deployment.yaml", "revisionHistoryLimit: 5",
                        "revisionHistoryLimit: five",
                        "spec.revisionHistoryLimit: does not parse as apps/v1 Deployment"),
                new Breakage("an invalid quantity", Profile.PROD, "base/migrate-job.yaml", "memory: 512Mi",
                        "memory: 512MB!", "invalid value"),
                new Breakage("a misspelt custom resource kind", Profile.PROD, "prod/postgres-scheduledbackup.yaml",
                        "kind: ScheduledBackup", "kind: ScheduleBackup",
                        "no Kubernetes model for postgresql.cnpg.io/v1 ScheduleBackup"),
                new Breakage("the latest image tag", Profile.PROD, "prod/kustomization.yaml", "newTag: 1.0.0",
                        "newTag: latest", "uses the latest tag"),
                new Breakage("a missing memory limit", Profile.PROD, "base/migrate-job.yaml",
                        "            limits:\n              cpu: \"1\"\n              memory: 512Mi\n",
                        "            limits:\n              cpu: \"1\"\n", "resources.limits.memory is missing"),
                new Breakage("a privileged container", Profile.DEV, "dev/postgres-statefulset.yaml",
                        "privileged: false",
                        "privileged: true", "securityContext.privileged must not be true"),
                new Breakage("capabilities not all dropped", Profile.DEV, "dev/postgres-statefulset.yaml",
                        "                - ALL", "                - NET_RAW", "capabilities.drop must contain ALL"),
                new Breakage("a writable root filesystem", Profile.PROD, "base/migrate-job.yaml",
                        "readOnlyRootFilesystem: true", "readOnlyRootFilesystem: false",
                        "readOnlyRootFilesystem must be true"),
                new Breakage("a pod allowed to run as root", Profile.PROD, "base/migrate-job.yaml",
                        "        runAsNonRoot: true\n        runAsUser: 185",
                        "        runAsNonRoot: false\n        runAsUser: 185", "pod securityContext.runAsNonRoot"),
                new Breakage("a committed Secret", Profile.PROD, "prod/kustomization.yaml", "  - hpa.yaml\n",
                        "  - hpa.yaml\n  - db-secret.yaml\n", "Secret objects hold secret values")
                        .withFile("prod/db-secret.yaml", secret),
                new Breakage("a secret setting given inline", Profile.PROD, "base/deployment.yaml", cursorFromSecret,
                        cursorInline, "env KINDRED_CURSOR_SECRET must come from a Secret"),
                new Breakage("a mounted service-account token", Profile.PROD, "base/serviceaccount.yaml",
                        "automountServiceAccountToken: false", "automountServiceAccountToken: true",
                        "ServiceAccount/kindred (serviceaccount.yaml): automountServiceAccountToken must be false"),
                new Breakage("too few prod replicas", Profile.PROD, "prod/hpa.yaml", "minReplicas: 3", "minReplicas: 2",
                        "minReplicas must be at least 3"),
                new Breakage("a wrong readiness probe", Profile.PROD, "base/deployment.yaml", "path: /q/health/ready",
                        "path: /q/health", "readinessProbe must GET /q/health/ready"),
                new Breakage("a network policy open to anyone", Profile.PROD, "base/networkpolicy-api.yaml",
                        "  egress:\n", "  egress:\n    - {}\n", "egress rule without 'to' allows any peer"),
                new Breakage("an ingress exposing metrics", Profile.PROD, "prod/ingress.yaml", "path: /q/openapi",
                        "path: /q", "exposes /q/metrics outside the cluster"),
                new Breakage("a heap too large for the limit", Profile.PROD, "base/deployment.yaml",
                        "-XX:MaxRAMPercentage=50.0", "-XX:MaxRAMPercentage=75.0", "does not fit its memory limit"),
                new Breakage("a grace period shorter than the shutdown", Profile.PROD, "base/deployment.yaml",
                        "terminationGracePeriodSeconds: 40", "terminationGracePeriodSeconds: 20",
                        "terminationGracePeriodSeconds must exceed"),
                new Breakage("a schema check that refuses rollbacks", Profile.PROD, "base/deployment.yaml",
                        "            - name: QUARKUS_FLYWAY_VALIDATE_AT_START\n              value: \"true\"\n",
                        "            - name: QUARKUS_FLYWAY_VALIDATE_AT_START\n              value: \"true\"\n"
                                + "            - name: QUARKUS_FLYWAY_IGNORE_FUTURE_MIGRATIONS\n              value: \"false\"\n",
                        "ignore-future-migrations must be true"),
                new Breakage("a patch whose target is gone", Profile.PROD, "prod/deployment-patch.yaml",
                        "  name: kindred\n", "  name: kindred-api\n", "matches 0 objects"),
                new Breakage("evidence keys not from the mounted Secret", Profile.PROD, "base/deployment.yaml",
                        "value: /etc/kindred/evidence-keys", "value: /etc/kindred/evidence",
                        "KINDRED_EVIDENCE_KEY_DIR must be the mount path of a Secret volume"),
                new Breakage("a missing resource file", Profile.PROD, "prod/kustomization.yaml", "  - pdb.yaml\n",
                        "  - pdb-v2.yaml\n", "pdb-v2.yaml, which does not exist"),
                new Breakage("a push key outside the Secret's mount", Profile.PROD, "base/deployment.yaml",
                        "value: /etc/kindred/push/vapid.pem", "value: /etc/kindred/vapid.pem",
                        "KINDRED_PUSH_VAPID_KEY_FILE must be a file in a read-only mount of the Secret"),
                new Breakage("a writable push key mount", Profile.DEV, "base/deployment.yaml",
                        "mountPath: /etc/kindred/push\n              readOnly: true",
                        "mountPath: /etc/kindred/push\n              readOnly: false",
                        "KINDRED_PUSH_VAPID_KEY_FILE must be a file in a read-only mount of the Secret"),
                new Breakage("a push key from another Secret", Profile.PROD, "base/deployment.yaml",
                        "secretName: kindred-push-vapid", "secretName: kindred-evidence-keys",
                        "KINDRED_PUSH_VAPID_KEY_FILE must be a file in a read-only mount of the Secret"),
                new Breakage("a push subject that reaches nobody", Profile.PROD, "base/configmap.yaml",
                        "KINDRED_PUSH_SUBJECT: mailto:push-operators@kindred.example.org",
                        "KINDRED_PUSH_SUBJECT: push-operators", "KINDRED_PUSH_SUBJECT must be a mailto: or https: URL"),
                new Breakage("public egress reaching the pod network", Profile.PROD, "base/networkpolicy-api.yaml",
                        "              - 10.0.0.0/8\n", "", "egress to 0.0.0.0/0 must except"),
                new Breakage("public egress reaching cloud metadata", Profile.DEV, "base/networkpolicy-api.yaml",
                        "              - 169.254.0.0/16\n", "", "egress to 0.0.0.0/0 must except"),
                new Breakage("public egress on any port", Profile.PROD, "base/networkpolicy-api.yaml",
                        "        - port: 443\n", "        - port: 80\n", "not port 80"),
                new Breakage("no egress for webhooks and Web Push", Profile.PROD, "base/networkpolicy-api.yaml",
                        "            cidr: 0.0.0.0/0\n", "            cidr: 203.0.113.0/24\n",
                        "webhooks and Web Push need egress to public HTTPS"));
        return breakages.stream().map(b -> DynamicTest.dynamicTest(b.name(), () -> {
            Path copy = tmp.resolve(b.name().replaceAll("[^a-z0-9]+", "-"));
            copyTree(K8S, copy);
            assertEquals(List.of(), violations(copy, b.profile()), "the copy is clean before it is broken");
            b.applyTo(copy);
            List<String> found = violations(copy, b.profile());
            assertTrue(found.stream().anyMatch(v -> v.contains(b.expected())),
                    b.name() + " must be reported with '" + b.expected() + "'; reported: " + found);
        }));
    }

    record Breakage(String name, Profile profile, String file, String find, String replace, String expected,
            Map<String, String> extraFiles) {

        Breakage(String name, Profile profile, String file, String find, String replace, String expected) {
            this(name, profile, file, find, replace, expected, Map.of());
        }

        Breakage withFile(String path, String content) {
            Map<String, String> files = new HashMap<>(extraFiles);
            files.put(path, content);
            return new Breakage(name, profile, file, find, replace, expected, files);
        }

        void applyTo(Path root) throws IOException {
            Path target = root.resolve(file);
            String text = Files.readString(target);
            assertTrue(text.contains(find), file + " contains the text to break: " + find);
            Files.writeString(target, text.replace(find, replace));
            for (Map.Entry<String, String> extra : extraFiles.entrySet()) {
                Files.writeString(root.resolve(extra.getKey()), extra.getValue());
            }
        }
    }

    /** Renders an overlay and checks it; a rendering error (missing file, patch without target) is a violation. */
    static List<String> violations(Path k8s, Profile profile) {
        List<Rendered> rendered;
        try {
            rendered = KustomizeRenderer.render(k8s.resolve(profile.name().toLowerCase(Locale.ROOT)));
        } catch (IllegalStateException | UncheckedIOException e) {
            return List.of("kustomize: " + e.getMessage());
        }
        return ManifestChecker.check(rendered, profile, prodProperties());
    }

    /** application.properties as the prod profile sees it (%prod.x overrides x). */
    static Map<String, String> prodProperties() {
        Properties raw = new Properties();
        try (InputStream in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
            raw.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> effective = new TreeMap<>();
        raw.stringPropertyNames().stream().filter(k -> !k.startsWith("%"))
                .forEach(k -> effective.put(k, raw.getProperty(k)));
        raw.stringPropertyNames().stream().filter(k -> k.startsWith("%prod."))
                .forEach(k -> effective.put(k.substring("%prod.".length()), raw.getProperty(k)));
        return effective;
    }

    private static Map<String, ObjectNode> byId(List<Rendered> rendered) {
        return rendered.stream().collect(Collectors.toMap(Rendered::id, Rendered::object));
    }

    private static List<Path> yamlFiles(Path root) throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml")).sorted()
                    .toList();
        }
    }

    private static Stream<JsonNode> stream(JsonNode array) {
        List<JsonNode> items = new ArrayList<>();
        array.forEach(items::add);
        return items.stream();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : files.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
