package org.kindred.ops;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.kindred.ops.KustomizeRenderer.Rendered;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;

/**
 * The rules Kindred's Kubernetes manifests must follow, checked without a cluster: every object parses with the
 * fabric8 Kubernetes model with no unknown field or wrongly typed value, and the rendered overlay meets the
 * operational and security policies of README "Deploy to Kubernetes". Returns violations instead of throwing, so
 * a test can show that a deliberately broken manifest is reported.
 */
final class ManifestChecker {

    enum Profile {
        DEV, PROD
    }

    /** Custom resources without a fabric8 model: only these may appear, and their key fields are checked below. */
    static final Set<String> KNOWN_CUSTOM_RESOURCES = Set.of("postgresql.cnpg.io/v1 Cluster",
            "postgresql.cnpg.io/v1 ScheduledBackup", "postgresql.cnpg.io/v1 Pooler",
            "barmancloud.cnpg.io/v1 ObjectStore",
            "monitoring.coreos.com/v1 ServiceMonitor");

    static final String API = "kindred";
    static final String MIGRATE_JOB = "kindred-migrate";
    static final Map<String, String> API_LABELS = Map.of("app.kubernetes.io/name", "kindred",
            "app.kubernetes.io/component", "api");

    /** Memory outside heap and metaspace, measured with NMT under load (code cache, GC, symbols, threads, JIT). */
    static final long NON_HEAP_BASELINE_MIB = 160;
    /** Argon2id memory per concurrent hash (kindred.auth.password.memory-kib = 19456), allocated outside the heap. */
    static final long ARGON2_MIB_PER_HASH = 19;

    /** The Secret the operator creates with Web Push's VAPID key (README, "Web Push"). */
    static final String PUSH_VAPID_SECRET = "kindred-push-vapid";
    /** What egress to public addresses must except: the private, link-local (cloud metadata) and loopback ranges. */
    static final List<String> PRIVATE_IPV4 = List.of("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16",
            "169.254.0.0/16", "127.0.0.0/8");

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|PRIVATE_KEY|API_KEY)$");
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "DaemonSet", "Job", "CronJob",
            "Pod", "ReplicaSet");
    private static final KubernetesSerialization MODEL = new KubernetesSerialization();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNode API_POD_LABELS = JSON.valueToTree(API_LABELS);

    private final List<Rendered> objects;
    private final Profile profile;
    private final Map<String, String> prodProperties;
    private final List<String> violations = new ArrayList<>();

    private ManifestChecker(List<Rendered> objects, Profile profile, Map<String, String> prodProperties) {
        this.objects = objects;
        this.profile = profile;
        this.prodProperties = prodProperties;
    }

    /**
     * @param prodProperties the application's effective %prod settings (application.properties), for the checks
     *        that tie the manifests to the application (shutdown timing, memory per password hash)
     */
    static List<String> check(List<Rendered> objects, Profile profile, Map<String, String> prodProperties) {
        ManifestChecker checker = new ManifestChecker(objects, profile, prodProperties);
        checker.run();
        return List.copyOf(checker.violations);
    }

    /** Parses one object (or patch) with the Kubernetes model: unknown fields and wrongly typed values are reported. */
    static List<String> strictModelErrors(ObjectNode object) {
        String apiVersionKind = object.path("apiVersion").asText() + " " + object.path("kind").asText();
        Object model;
        try {
            model = MODEL.unmarshal(JSON.writeValueAsString(object));
        } catch (Exception e) {
            return List.of(mappingPath(e) + "does not parse as " + apiVersionKind + ": " + rootMessage(e));
        }
        List<String> errors = new ArrayList<>();
        if (model instanceof GenericKubernetesResource generic) {
            if (!KNOWN_CUSTOM_RESOURCES.contains(apiVersionKind)) {
                errors.add("no Kubernetes model for " + apiVersionKind + " (misspelt kind or apiVersion?)");
            }
            unknownFields(generic.getMetadata(), "metadata", errors, new IdentityHashMap<>());
        } else {
            unknownFields(model, "", errors, new IdentityHashMap<>());
        }
        return errors;
    }

    private void run() {
        for (Rendered r : objects) {
            strictModelErrors(r.object()).forEach(e -> add(r, e));
            String kind = r.object().path("kind").asText();
            if ("Secret".equals(kind)) {
                add(r, "Secret objects hold secret values and must not be committed; create them with kubectl "
                        + "(README, Deploy to Kubernetes)");
            }
            if ("ServiceAccount".equals(kind) && !isFalse(r.object().path("automountServiceAccountToken"))) {
                add(r, "automountServiceAccountToken must be false");
            }
            if (WORKLOADS.contains(kind)) {
                podSpec(r.object()).ifPresent(spec -> checkPod(r, spec));
            }
            if ("NetworkPolicy".equals(kind)) {
                checkNetworkPolicyRules(r);
            }
        }
        Optional<Rendered> deployment = find("Deployment", API);
        if (deployment.isEmpty()) {
            violations.add("Deployment/" + API + ": missing");
            return;
        }
        checkApiDeployment(deployment.get());
        checkMigrationJob(deployment.get());
        checkService(deployment.get());
        checkApiNetworkPolicies();
        checkConfig();
        if (profile == Profile.PROD) {
            checkProd(deployment.get());
        } else {
            checkDev(deployment.get());
        }
    }

    private void checkPod(Rendered r, JsonNode pod) {
        if (!isFalse(pod.path("automountServiceAccountToken"))) {
            add(r, "pod automountServiceAccountToken must be false");
        }
        JsonNode podSecurity = pod.path("securityContext");
        if (!podSecurity.path("runAsNonRoot").asBoolean()) {
            add(r, "pod securityContext.runAsNonRoot must be true");
        }
        if (!"RuntimeDefault".equals(podSecurity.at("/seccompProfile/type").asText())) {
            add(r, "pod securityContext.seccompProfile.type must be RuntimeDefault");
        }
        for (JsonNode volume : pod.path("volumes")) {
            if (volume.has("hostPath")) {
                add(r, "volume " + volume.path("name").asText() + " uses hostPath");
            }
        }
        containers(pod).forEach(c -> checkContainer(r, pod, c));
    }

    private void checkContainer(Rendered r, JsonNode pod, JsonNode c) {
        String where = "container " + c.path("name").asText() + ": ";
        String image = c.path("image").asText();
        String tag = image.contains("@") ? "digest" : image.matches(".*:[^:/]+$") ? image.replaceAll(".*:", "") : "";
        if (tag.isEmpty()) {
            add(r, where + "image '" + image + "' has no tag; pin a release tag or digest");
        } else if ("latest".equals(tag)) {
            add(r, where + "image '" + image + "' uses the latest tag; pin a release tag or digest");
        }
        for (String path : List.of("requests/cpu", "requests/memory", "limits/cpu", "limits/memory")) {
            if (c.at("/resources/" + path).asText().isEmpty()) {
                add(r, where + "resources." + path.replace('/', '.') + " is missing");
            }
        }
        for (String resource : List.of("cpu", "memory")) {
            BigDecimal request = quantity(c.at("/resources/requests/" + resource));
            BigDecimal limit = quantity(c.at("/resources/limits/" + resource));
            if (request != null && limit != null && request.compareTo(limit) > 0) {
                add(r, where + "resources.requests." + resource + " exceeds the limit");
            }
        }
        JsonNode security = c.path("securityContext");
        if (!isFalse(security.path("allowPrivilegeEscalation"))) {
            add(r, where + "securityContext.allowPrivilegeEscalation must be false");
        }
        if (!security.path("readOnlyRootFilesystem").asBoolean()) {
            add(r, where + "securityContext.readOnlyRootFilesystem must be true");
        }
        if (security.path("privileged").asBoolean()) {
            add(r, where + "securityContext.privileged must not be true");
        }
        if (security.has("runAsNonRoot") && !security.path("runAsNonRoot").asBoolean()
                || security.path("runAsUser").asInt(-1) == 0) {
            add(r, where + "securityContext must not run as root (runAsNonRoot)");
        }
        if (texts(security.at("/capabilities/drop")).noneMatch("ALL"::equals)) {
            add(r, where + "securityContext.capabilities.drop must contain ALL");
        }
        if (!security.at("/capabilities/add").isMissingNode() && !security.at("/capabilities/add").isEmpty()) {
            add(r, where + "securityContext.capabilities.add must be empty");
        }
        boolean writableTmp = StreamSupport.stream(c.path("volumeMounts").spliterator(), false)
                .anyMatch(m -> "/tmp".equals(m.path("mountPath").asText()) && isEmptyDir(pod, m.path("name").asText()));
        if (!writableTmp) {
            add(r, where + "needs an emptyDir mounted at /tmp (the root filesystem is read-only)");
        }
        for (JsonNode env : c.path("env")) {
            if (SECRET_NAME.matcher(env.path("name").asText()).matches()
                    && !env.at("/valueFrom/secretKeyRef").isObject()) {
                add(r, where + "env " + env.path("name").asText()
                        + " must come from a Secret (valueFrom.secretKeyRef)");
            }
        }
    }

    private void checkApiDeployment(Rendered d) {
        JsonNode pod = d.object().at("/spec/template/spec");
        JsonNode api = container(pod, "containers", API).orElse(null);
        if (api == null) {
            add(d, "container " + API + " is missing");
            return;
        }
        probe(d, api, "startupProbe", "/q/health/started");
        probe(d, api, "livenessProbe", "/q/health/live");
        probe(d, api, "readinessProbe", "/q/health/ready");
        if (!labelsMatch(d.object().at("/spec/template/metadata/labels"), API_POD_LABELS)) {
            add(d, "pod labels must include " + API_LABELS);
        }
        if (!isFalse(pod.path("enableServiceLinks"))) {
            add(d, "enableServiceLinks must be false (service links inject KINDRED_* variables)");
        }
        if (StreamSupport.stream(pod.path("topologySpreadConstraints").spliterator(), false)
                .noneMatch(t -> "kubernetes.io/hostname".equals(t.path("topologyKey").asText())
                        && labelsMatch(API_POD_LABELS, t.at("/labelSelector/matchLabels")))) {
            add(d, "topologySpreadConstraints must spread API pods over nodes (kubernetes.io/hostname)");
        }
        Duration delay = duration(
                env(api, "QUARKUS_SHUTDOWN_DELAY").orElse(prodProperties.get("quarkus.shutdown.delay")));
        Duration timeout = duration(
                env(api, "QUARKUS_SHUTDOWN_TIMEOUT").orElse(prodProperties.get("quarkus.shutdown.timeout")));
        if (delay.isZero() || timeout.isZero()) {
            add(d, "the application must set quarkus.shutdown.delay and quarkus.shutdown.timeout in %prod");
        }
        JsonNode grace = pod.path("terminationGracePeriodSeconds");
        if (!grace.isNumber() || grace.asLong() < delay.plus(timeout).plusSeconds(5).toSeconds()) {
            add(d, "terminationGracePeriodSeconds must exceed quarkus.shutdown.delay + timeout + 5 s ("
                    + delay.plus(timeout).plusSeconds(5).toSeconds() + " s), is " + grace.asText("unset"));
        }
        if (!"false".equals(env(api, "QUARKUS_FLYWAY_MIGRATE_AT_START").orElse(""))
                || !"true".equals(env(api, "QUARKUS_FLYWAY_VALIDATE_AT_START").orElse(""))) {
            add(d, "API pods must not migrate (QUARKUS_FLYWAY_MIGRATE_AT_START=false) and must validate the schema");
        }
        if (!"true".equals(env(api, "QUARKUS_FLYWAY_IGNORE_FUTURE_MIGRATIONS")
                .orElse(prodProperties.get("quarkus.flyway.ignore-future-migrations")))) {
            add(d, "quarkus.flyway.ignore-future-migrations must be true: otherwise the previous release cannot start "
                    + "against the migrated schema (rolling updates, rollbacks)");
        }
        boolean waitsForSchema = StreamSupport.stream(pod.path("initContainers").spliterator(), false)
                .anyMatch(i -> "true".equals(env(i, "QUARKUS_INIT_AND_EXIT").orElse(""))
                        && "true".equals(env(i, "QUARKUS_FLYWAY_VALIDATE_AT_START").orElse(""))
                        && "false".equals(env(i, "QUARKUS_FLYWAY_MIGRATE_AT_START").orElse(""))
                        && i.path("image").equals(api.path("image")));
        if (!waitsForSchema) {
            add(d, "an initContainer with the API's image must wait for the schema (init-and-exit, validate, no migrate)");
        }
        for (String credential : List.of("QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD")) {
            if (envVar(api, credential).map(e -> !e.at("/valueFrom/secretKeyRef").isObject()).orElse(true)) {
                add(d, credential + " must come from a Secret (valueFrom.secretKeyRef)");
            }
        }
        String keysDir = env(api, "KINDRED_AUTH_KEYS_DIR").orElse("");
        boolean keysMounted = StreamSupport.stream(api.path("volumeMounts").spliterator(), false)
                .anyMatch(m -> m.path("mountPath").asText().equals(keysDir)
                        && volume(pod, m.path("name").asText()).map(v -> v.has("secret")).orElse(false));
        if (!keysMounted) {
            add(d, "KINDRED_AUTH_KEYS_DIR must be the mount path of a Secret volume (the signing keys)");
        }
        String kekDir = env(api, "KINDRED_JOURNAL_KEK_DIR").orElse("");
        boolean keksMounted = StreamSupport.stream(api.path("volumeMounts").spliterator(), false)
                .anyMatch(m -> m.path("mountPath").asText().equals(kekDir)
                        && volume(pod, m.path("name").asText()).map(v -> v.has("secret")).orElse(false));
        if (!keksMounted) {
            add(d, "KINDRED_JOURNAL_KEK_DIR must be the mount path of a Secret volume (the journal's key-encryption keys)");
        }
        String evidenceDir = env(api, "KINDRED_EVIDENCE_KEY_DIR").orElse("");
        boolean evidenceMounted = StreamSupport.stream(api.path("volumeMounts").spliterator(), false)
                .anyMatch(m -> m.path("mountPath").asText().equals(evidenceDir)
                        && volume(pod, m.path("name").asText()).map(v -> v.has("secret")).orElse(false));
        if (!evidenceMounted) {
            add(d, "KINDRED_EVIDENCE_KEY_DIR must be the mount path of a Secret volume (the evidence signing keys)");
        }
        checkPushKey(d, pod, api);
        checkMemoryBudget(d, api);
    }

    /** The VAPID key file must be in a read-only mount of the Secret kindred-push-vapid (created by the operator). */
    private void checkPushKey(Rendered d, JsonNode pod, JsonNode api) {
        String file = env(api, "KINDRED_PUSH_VAPID_KEY_FILE").orElse("");
        boolean mounted = !file.isEmpty() && StreamSupport.stream(api.path("volumeMounts").spliterator(), false)
                .anyMatch(m -> file.startsWith(m.path("mountPath").asText() + "/")
                        && m.path("readOnly").asBoolean()
                        && volume(pod, m.path("name").asText())
                                .map(v -> PUSH_VAPID_SECRET.equals(v.at("/secret/secretName").asText()))
                                .orElse(false));
        if (!mounted) {
            add(d, "KINDRED_PUSH_VAPID_KEY_FILE must be a file in a read-only mount of the Secret " + PUSH_VAPID_SECRET
                    + " (the Web Push key), is '" + file + "'");
        }
    }

    /** heap (limit x MaxRAMPercentage) + metaspace cap + Argon2id hashes + baseline must fit the memory limit. */
    private void checkMemoryBudget(Rendered d, JsonNode api) {
        BigDecimal limit = quantity(api.at("/resources/limits/memory"));
        BigDecimal request = quantity(api.at("/resources/requests/memory"));
        if (limit == null) {
            return;
        }
        if (request == null || request.compareTo(limit) != 0) {
            add(d, "memory request must equal the limit: the JVM sizes itself to the limit");
        }
        String javaOpts = env(api, "JAVA_OPTS_APPEND").orElse("");
        double percent = lastFlag(javaOpts, "-XX:MaxRAMPercentage=([0-9.]+)").map(Double::parseDouble)
                .orElse(env(api, "JAVA_MAX_MEM_RATIO").map(Double::parseDouble).orElse(80.0));
        Optional<Long> metaspaceMib = lastFlag(javaOpts, "-XX:MaxMetaspaceSize=([0-9]+)[mM]").map(Long::parseLong);
        if (metaspaceMib.isEmpty()) {
            add(d, "JAVA_OPTS_APPEND must cap the metaspace (-XX:MaxMetaspaceSize=<n>m) for the memory budget to hold");
            return;
        }
        long hashes = Long.parseLong(env(api, "KINDRED_AUTH_PASSWORD_MAX_CONCURRENT")
                .orElse(prodProperties.getOrDefault("kindred.auth.password.max-concurrent", "1")));
        long limitMib = limit.longValue() / (1024 * 1024);
        long heapMib = (long) (limitMib * percent / 100);
        long needed = heapMib + metaspaceMib.get() + hashes * ARGON2_MIB_PER_HASH + NON_HEAP_BASELINE_MIB;
        if (needed > limitMib) {
            add(d, "the JVM does not fit its memory limit: heap " + heapMib + " MiB + metaspace " + metaspaceMib.get()
                    + " MiB + Argon2id " + hashes + " x " + ARGON2_MIB_PER_HASH + " MiB + baseline "
                    + NON_HEAP_BASELINE_MIB + " MiB = " + needed + " MiB > limit " + limitMib + " MiB");
        }
    }

    private void checkMigrationJob(Rendered deployment) {
        Optional<Rendered> found = find("Job", MIGRATE_JOB);
        if (found.isEmpty()) {
            violations.add("Job/" + MIGRATE_JOB + ": missing (migrations run once per release in a Job)");
            return;
        }
        Rendered job = found.get();
        JsonNode spec = job.object().path("spec");
        JsonNode pod = spec.at("/template/spec");
        List<JsonNode> containers = StreamSupport.stream(pod.path("containers").spliterator(), false).toList();
        if (containers.size() != 1) {
            add(job, "must have exactly one container");
            return;
        }
        JsonNode migrate = containers.get(0);
        if (!"true".equals(env(migrate, "QUARKUS_INIT_AND_EXIT").orElse(""))
                || !"true".equals(env(migrate, "QUARKUS_FLYWAY_MIGRATE_AT_START").orElse(""))) {
            add(job, "must run Flyway and exit (QUARKUS_INIT_AND_EXIT=true, QUARKUS_FLYWAY_MIGRATE_AT_START=true)");
        }
        Set<String> restart = Set.of("Never", "OnFailure");
        if (!restart.contains(pod.path("restartPolicy").asText())) {
            add(job, "restartPolicy must be Never or OnFailure");
        }
        for (String field : List.of("backoffLimit", "activeDeadlineSeconds", "ttlSecondsAfterFinished")) {
            if (!spec.path(field).isNumber()) {
                add(job, "spec." + field + " must be set");
            }
        }
        String apiImage = deployment.object().at("/spec/template/spec/containers/0/image").asText();
        if (!migrate.path("image").asText().equals(apiImage)) {
            add(job, "must use the API's image (" + apiImage + "), is " + migrate.path("image").asText());
        }
    }

    private void checkService(Rendered deployment) {
        Optional<Rendered> found = find("Service", API);
        if (found.isEmpty()) {
            violations.add("Service/" + API + ": missing");
            return;
        }
        Rendered service = found.get();
        if (!labelsMatch(deployment.object().at("/spec/template/metadata/labels"),
                service.object().at("/spec/selector"))) {
            add(service, "selector does not select the API pods");
        }
        JsonNode api = deployment.object().at("/spec/template/spec/containers/0");
        for (JsonNode port : service.object().at("/spec/ports")) {
            JsonNode target = port.path("targetPort");
            boolean exists = StreamSupport.stream(api.path("ports").spliterator(), false)
                    .anyMatch(p -> target.isTextual()
                            ? p.path("name").equals(target)
                            : p.path("containerPort").asInt() == target.asInt());
            if (!exists) {
                add(service, "targetPort " + target.asText() + " is not a port of the API container");
            }
        }
    }

    private void checkNetworkPolicyRules(Rendered r) {
        for (String direction : List.of("ingress", "egress")) {
            String peers = "ingress".equals(direction) ? "from" : "to";
            for (JsonNode rule : r.object().at("/spec/" + direction)) {
                if (rule.path(peers).isEmpty()) {
                    add(r, direction + " rule without '" + peers + "' allows any peer");
                }
                for (JsonNode peer : rule.path(peers)) {
                    boolean everywhere = "0.0.0.0/0".equals(peer.at("/ipBlock/cidr").asText());
                    if (peer.isEmpty() || everywhere && !"egress".equals(direction)) {
                        add(r, direction + " rule allows any peer");
                    } else if (everywhere && !publicInternetOnly(peer)) {
                        add(r, "egress to 0.0.0.0/0 must except the private, link-local and loopback ranges "
                                + PRIVATE_IPV4 + ", or it allows any peer");
                    }
                }
            }
        }
    }

    private void checkApiNetworkPolicies() {
        List<Rendered> policies = objects.stream().filter(r -> "NetworkPolicy".equals(r.object().path("kind").asText()))
                .toList();
        List<Rendered> forApi = policies.stream()
                .filter(p -> labelsMatch(API_POD_LABELS, p.object().at("/spec/podSelector/matchLabels"))).toList();
        if (forApi.isEmpty()) {
            violations.add("NetworkPolicy: none selects the API pods");
        }
        for (Rendered p : forApi) {
            JsonNode spec = p.object().path("spec");
            if (texts(spec.path("policyTypes")).filter(t -> t.equals("Ingress") || t.equals("Egress")).count() != 2) {
                add(p, "policyTypes must include Ingress and Egress");
            }
            for (JsonNode rule : spec.path("ingress")) {
                for (JsonNode peer : rule.path("from")) {
                    if (!peer.has("namespaceSelector") || !peer.has("podSelector") || peer.has("ipBlock")) {
                        add(p, "ingress must come only from selected pods of selected namespaces (ingress, Prometheus)");
                    }
                }
                if (rule.path("ports").isEmpty()) {
                    add(p, "ingress rules must name the port");
                }
            }
            for (JsonNode rule : spec.path("egress")) {
                boolean publicHttps = isPublicHttps(rule);
                for (JsonNode port : rule.path("ports")) {
                    if (!Set.of(5432, 53, 587, 465).contains(port.path("port").asInt()) && !publicHttps) {
                        add(p, "egress may only reach PostgreSQL (5432), DNS (53), the SMTP relay (587, 465) and "
                                + "public HTTPS (TCP 443 to public addresses), not port " + port.path("port"));
                    }
                }
                if (rule.path("ports").isEmpty()) {
                    add(p, "egress rules must name the port");
                }
            }
        }
        if (!forApi.isEmpty() && forApi.stream().flatMap(p -> StreamSupport
                .stream(p.object().at("/spec/egress").spliterator(), false))
                .noneMatch(ManifestChecker::isPublicHttps)) {
            add(forApi.get(0), "webhooks and Web Push need egress to public HTTPS: TCP 443 to 0.0.0.0/0 except "
                    + PRIVATE_IPV4);
        }
        boolean migrateIsolated = policies.stream()
                .anyMatch(p -> "migrate"
                        .equals(p.object().at("/spec/podSelector/matchLabels/app.kubernetes.io~1component")
                                .asText())
                        && texts(p.object().at("/spec/policyTypes"))
                                .filter(t -> t.equals("Ingress") || t.equals("Egress"))
                                .count() == 2
                        && p.object().at("/spec/ingress").isEmpty());
        if (!migrateIsolated) {
            violations.add("NetworkPolicy: the migration Job's pods must accept no connections and have egress rules");
        }
    }

    /** An egress rule to public HTTPS only: TCP 443, to 0.0.0.0/0 with every private range excepted. */
    private static boolean isPublicHttps(JsonNode rule) {
        List<JsonNode> ports = StreamSupport.stream(rule.path("ports").spliterator(), false).toList();
        List<JsonNode> peers = StreamSupport.stream(rule.path("to").spliterator(), false).toList();
        return !ports.isEmpty() && !peers.isEmpty()
                && ports.stream().allMatch(p -> p.path("port").asInt() == 443
                        && "TCP".equals(p.path("protocol").asText("TCP")) && !p.has("endPort"))
                && peers.stream().allMatch(ManifestChecker::publicInternetOnly);
    }

    private static boolean publicInternetOnly(JsonNode peer) {
        return peer.size() == 1 && "0.0.0.0/0".equals(peer.at("/ipBlock/cidr").asText())
                && texts(peer.at("/ipBlock/except")).collect(Collectors.toSet()).containsAll(PRIVATE_IPV4);
    }

    private void checkConfig() {
        Optional<Rendered> config = find("ConfigMap", "kindred-config");
        if (config.isEmpty()) {
            violations.add("ConfigMap/kindred-config: missing");
            return;
        }
        JsonNode data = config.get().object().path("data");
        for (String name : List.of("QUARKUS_HTTP_PROXY_PROXY_ADDRESS_FORWARDING",
                "QUARKUS_HTTP_PROXY_ALLOW_X_FORWARDED")) {
            if (!"true".equals(data.path(name).asText())) {
                add(config.get(), name + " must be true behind the ingress (rate limits need the client IP)");
            }
        }
        if (data.path("QUARKUS_HTTP_PROXY_TRUSTED_PROXIES").asText().isBlank()) {
            add(config.get(), "QUARKUS_HTTP_PROXY_TRUSTED_PROXIES must name the ingress controller's addresses");
        }
        data.fieldNames().forEachRemaining(name -> {
            if (SECRET_NAME.matcher(name).matches()) {
                add(config.get(), name + " looks like a secret and must come from a Secret, not the ConfigMap");
            }
        });
        String subject = data.path("KINDRED_PUSH_SUBJECT").asText();
        if (!subject.matches("(mailto:[^@\\s]+@[^@\\s]+|https://\\S+)") || subject.endsWith(".invalid")) {
            add(config.get(), "KINDRED_PUSH_SUBJECT must be a mailto: or https: URL that reaches the operators (VAPID "
                    + "sub: push services contact it about our traffic), is '" + subject + "'");
        }
        String host = databaseHost(data.path("QUARKUS_DATASOURCE_JDBC_URL").asText());
        if (find("Service", host).isEmpty() && find("Cluster", host.replaceFirst("-rw$", "")).isEmpty()) {
            add(config.get(),
                    "QUARKUS_DATASOURCE_JDBC_URL points to " + host + ", which no Service or Cluster provides");
        }
    }

    private void checkProd(Rendered deployment) {
        if (deployment.object().at("/spec/replicas").isNumber()) {
            add(deployment, "spec.replicas must be left to the HorizontalPodAutoscaler in prod");
        }
        Optional<Rendered> hpa = objects.stream()
                .filter(r -> "HorizontalPodAutoscaler".equals(r.object().path("kind").asText())
                        && "Deployment".equals(r.object().at("/spec/scaleTargetRef/kind").asText())
                        && API.equals(r.object().at("/spec/scaleTargetRef/name").asText()))
                .findFirst();
        if (hpa.isEmpty()) {
            violations.add("HorizontalPodAutoscaler: none scales Deployment/" + API);
        } else {
            JsonNode spec = hpa.get().object().path("spec");
            if (!"autoscaling/v2".equals(hpa.get().object().path("apiVersion").asText())) {
                add(hpa.get(), "must be autoscaling/v2");
            }
            if (spec.path("minReplicas").asInt() < 3) {
                add(hpa.get(),
                        "minReplicas must be at least 3 in prod, is " + spec.path("minReplicas").asText("unset"));
            }
            if (spec.path("maxReplicas").asInt() < spec.path("minReplicas").asInt()) {
                add(hpa.get(), "maxReplicas must be at least minReplicas");
            }
        }
        Optional<Rendered> pdb = objects.stream()
                .filter(r -> "PodDisruptionBudget".equals(r.object().path("kind").asText())
                        && labelsMatch(API_POD_LABELS, r.object().at("/spec/selector/matchLabels")))
                .findFirst();
        if (pdb.isEmpty()) {
            violations.add("PodDisruptionBudget: none protects the API pods");
        } else if (!pdb.get().object().at("/spec/maxUnavailable").isNumber()
                && !pdb.get().object().at("/spec/minAvailable").isNumber()) {
            add(pdb.get(), "must set maxUnavailable or minAvailable");
        }
        checkIngress();
        checkServiceMonitor();
        checkPostgresCluster(deployment);
    }

    private void checkIngress() {
        List<Rendered> ingresses = objects.stream().filter(r -> "Ingress".equals(r.object().path("kind").asText()))
                .toList();
        if (ingresses.isEmpty()) {
            violations.add("Ingress: missing in prod");
        }
        for (Rendered ingress : ingresses) {
            JsonNode spec = ingress.object().path("spec");
            List<String> tlsHosts = StreamSupport.stream(spec.path("tls").spliterator(), false)
                    .flatMap(t -> texts(t.path("hosts"))).toList();
            for (JsonNode rule : spec.path("rules")) {
                if (!tlsHosts.contains(rule.path("host").asText())) {
                    add(ingress, "host " + rule.path("host").asText() + " has no TLS");
                }
                for (JsonNode path : rule.at("/http/paths")) {
                    String p = path.path("path").asText();
                    boolean prefix = "Prefix".equals(path.path("pathType").asText());
                    for (String internal : List.of("/q/metrics", "/q/health")) {
                        if (p.equals(internal)
                                || prefix && (internal + "/").startsWith(p.endsWith("/") ? p : p + "/")) {
                            add(ingress, "path " + p + " exposes " + internal + " outside the cluster");
                        }
                    }
                }
            }
        }
    }

    private void checkServiceMonitor() {
        Optional<Rendered> monitor = objects.stream()
                .filter(r -> "ServiceMonitor".equals(r.object().path("kind").asText())).findFirst();
        Optional<Rendered> service = find("Service", API);
        if (monitor.isEmpty()) {
            violations.add("ServiceMonitor: missing in prod");
            return;
        }
        JsonNode spec = monitor.get().object().path("spec");
        if (service.isPresent()
                && !labelsMatch(service.get().object().at("/metadata/labels"), spec.at("/selector/matchLabels"))) {
            add(monitor.get(), "selector does not select Service/" + API);
        }
        boolean scrapesMetrics = StreamSupport.stream(spec.path("endpoints").spliterator(), false)
                .anyMatch(e -> "/q/metrics".equals(e.path("path").asText()) && "http".equals(e.path("port").asText()));
        if (!scrapesMetrics) {
            add(monitor.get(), "must scrape port http, path /q/metrics");
        }
    }

    private void checkPostgresCluster(Rendered deployment) {
        Optional<Rendered> found = objects.stream().filter(r -> "Cluster".equals(r.object().path("kind").asText()))
                .findFirst();
        if (found.isEmpty()) {
            violations.add("Cluster (CloudNativePG): missing in prod");
            return;
        }
        Rendered cluster = found.get();
        String name = cluster.object().at("/metadata/name").asText();
        JsonNode spec = cluster.object().path("spec");
        if (spec.path("instances").asInt() < 3) {
            add(cluster, "instances must be at least 3 (a primary and two replicas)");
        }
        if (!"kindred".equals(spec.at("/bootstrap/initdb/database").asText())) {
            add(cluster, "bootstrap.initdb.database must be kindred");
        }
        if (!spec.at("/affinity/enablePodAntiAffinity").asBoolean()) {
            add(cluster, "affinity.enablePodAntiAffinity must be true (instances on different nodes)");
        }
        String image = spec.path("imageName").asText();
        if (image.isEmpty() || image.endsWith(":latest") || !image.contains(":")) {
            add(cluster, "imageName must pin a PostgreSQL image tag");
        }
        Optional<String> objectStore = StreamSupport.stream(spec.path("plugins").spliterator(), false)
                .filter(p -> "barman-cloud.cloudnative-pg.io".equals(p.path("name").asText())
                        && p.path("isWALArchiver").asBoolean())
                .map(p -> p.at("/parameters/barmanObjectName").asText()).findFirst();
        if (objectStore.isEmpty()) {
            add(cluster, "backups: the barman-cloud plugin must archive WAL (plugins[].isWALArchiver)");
        } else if (find("ObjectStore", objectStore.get()).isEmpty()) {
            add(cluster, "barmanObjectName " + objectStore.get() + " names no ObjectStore");
        }
        boolean scheduled = objects.stream()
                .anyMatch(r -> "ScheduledBackup".equals(r.object().path("kind").asText())
                        && name.equals(r.object().at("/spec/cluster/name").asText())
                        && !r.object().at("/spec/schedule").asText().isBlank());
        if (!scheduled) {
            add(cluster, "no ScheduledBackup backs it up");
        }
        JsonNode inherited = spec.at("/inheritedMetadata/labels");
        objects.stream().filter(r -> "NetworkPolicy".equals(r.object().path("kind").asText()))
                .flatMap(r -> StreamSupport.stream(r.object().at("/spec/egress").spliterator(), false)
                        .map(rule -> Map.entry(r, rule)))
                .filter(e -> StreamSupport.stream(e.getValue().path("ports").spliterator(), false)
                        .anyMatch(port -> port.path("port").asInt() == 5432))
                .forEach(e -> {
                    for (JsonNode peer : e.getValue().path("to")) {
                        if (!labelsMatch(inherited, peer.at("/podSelector/matchLabels"))) {
                            add(e.getKey(), "egress to PostgreSQL selects pods the Cluster does not label "
                                    + "(spec.inheritedMetadata.labels)");
                        }
                    }
                });
        JsonNode api = deployment.object().at("/spec/template/spec/containers/0");
        String secret = envVar(api, "QUARKUS_DATASOURCE_PASSWORD")
                .map(e -> e.at("/valueFrom/secretKeyRef/name").asText())
                .orElse("");
        if (!secret.equals(name + "-app")) {
            add(deployment, "database credentials must come from " + name + "-app (generated by CloudNativePG), not "
                    + secret);
        }
        find("ConfigMap", "kindred-config").ifPresent(config -> {
            String host = databaseHost(config.object().at("/data/QUARKUS_DATASOURCE_JDBC_URL").asText());
            if (!host.equals(name + "-rw")) {
                add(config, "QUARKUS_DATASOURCE_JDBC_URL must point to the primary, " + name + "-rw, not " + host);
            }
        });
    }

    private void checkDev(Rendered deployment) {
        if (deployment.object().at("/spec/replicas").asInt() != 1) {
            add(deployment, "dev runs exactly one replica");
        }
        boolean database = objects.stream().anyMatch(r -> "StatefulSet".equals(r.object().path("kind").asText())
                && "database"
                        .equals(r.object().at("/spec/template/metadata/labels/app.kubernetes.io~1component").asText()));
        if (!database) {
            violations.add("StatefulSet: dev needs its in-cluster PostgreSQL");
        }
    }

    private void probe(Rendered d, JsonNode container, String probe, String path) {
        JsonNode get = container.at("/" + probe + "/httpGet");
        JsonNode port = get.path("port");
        boolean portOk = port.isTextual()
                ? StreamSupport.stream(container.path("ports").spliterator(), false)
                        .anyMatch(p -> p.path("name").equals(port) && p.path("containerPort").asInt() == 8080)
                : port.asInt() == 8080;
        if (!path.equals(get.path("path").asText()) || !portOk) {
            add(d, probe + " must GET " + path + " on the HTTP port (8080), is " + get);
        }
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private void add(Rendered r, String message) {
        violations.add(r.id() + " (" + r.source().getFileName() + "): " + message);
    }

    private Optional<Rendered> find(String kind, String name) {
        return objects.stream().filter(r -> kind.equals(r.object().path("kind").asText())
                && name.equals(r.object().at("/metadata/name").asText())).findFirst();
    }

    private static Optional<JsonNode> podSpec(JsonNode object) {
        for (String path : List.of("/spec/template/spec", "/spec/jobTemplate/spec/template/spec", "/spec")) {
            JsonNode spec = object.at(path);
            if (spec.has("containers")) {
                return Optional.of(spec);
            }
        }
        return Optional.empty();
    }

    private static Stream<JsonNode> containers(JsonNode pod) {
        return Stream.concat(StreamSupport.stream(pod.path("initContainers").spliterator(), false),
                StreamSupport.stream(pod.path("containers").spliterator(), false));
    }

    private static Optional<JsonNode> container(JsonNode pod, String list, String name) {
        return StreamSupport.stream(pod.path(list).spliterator(), false)
                .filter(c -> name.equals(c.path("name").asText())).findFirst();
    }

    private static Optional<JsonNode> volume(JsonNode pod, String name) {
        return StreamSupport.stream(pod.path("volumes").spliterator(), false)
                .filter(v -> name.equals(v.path("name").asText())).findFirst();
    }

    private static boolean isEmptyDir(JsonNode pod, String volume) {
        return volume(pod, volume).map(v -> v.has("emptyDir")).orElse(false);
    }

    private static Optional<JsonNode> envVar(JsonNode container, String name) {
        return StreamSupport.stream(container.path("env").spliterator(), false)
                .filter(e -> name.equals(e.path("name").asText())).findFirst();
    }

    private static Optional<String> env(JsonNode container, String name) {
        return envVar(container, name).filter(e -> e.has("value")).map(e -> e.path("value").asText());
    }

    private static boolean isFalse(JsonNode value) {
        return value.isBoolean() && !value.asBoolean();
    }

    private static Stream<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText);
    }

    /** Whether every label of {@code selector} is in {@code labels} (and the selector is not empty). */
    private static boolean labelsMatch(JsonNode labels, JsonNode selector) {
        if (selector == null || !selector.isObject() || selector.isEmpty()) {
            return false;
        }
        for (var it = selector.fields(); it.hasNext();) {
            var label = it.next();
            if (!label.getValue().equals(labels.path(label.getKey()))) {
                return false;
            }
        }
        return true;
    }

    private static String databaseHost(String jdbcUrl) {
        Matcher m = Pattern.compile("jdbc:postgresql://([^:/?]+)").matcher(jdbcUrl);
        return m.find() ? m.group(1) : "";
    }

    private static Optional<String> lastFlag(String options, String regex) {
        Matcher m = Pattern.compile(regex).matcher(options);
        String last = null;
        while (m.find()) {
            last = m.group(1);
        }
        return Optional.ofNullable(last);
    }

    private static BigDecimal quantity(JsonNode value) {
        if (value.isMissingNode() || value.asText().isEmpty()) {
            return null;
        }
        try {
            return Quantity.getAmountInBytes(new Quantity(value.asText()));
        } catch (IllegalArgumentException | ArithmeticException e) {
            return null;
        }
    }

    static Duration duration(String quarkusDuration) {
        if (quarkusDuration == null || quarkusDuration.isBlank()) {
            return Duration.ZERO;
        }
        String value = quarkusDuration.trim().toUpperCase();
        return Duration
                .parse(value.startsWith("P") ? value : value.matches("\\d+") ? "PT" + value + "S" : "PT" + value);
    }

    /** Reports every non-empty additionalProperties map of the parsed model: fields the model does not know. */
    private static void unknownFields(Object node, String path, List<String> errors, Map<Object, Boolean> seen) {
        if (node == null || seen.put(node, Boolean.TRUE) != null) {
            return;
        }
        if (node instanceof Collection<?> items) {
            int i = 0;
            for (Object item : items) {
                unknownFields(item, path + "[" + i++ + "]", errors, seen);
            }
            return;
        }
        if (node instanceof Map<?, ?> map) {
            map.forEach((k, v) -> unknownFields(v, path + "." + k, errors, seen));
            return;
        }
        if (!node.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers())
                    || !getter.getName().startsWith("get") || getter.getDeclaringClass() == Object.class) {
                continue;
            }
            Object value;
            try {
                value = getter.invoke(node);
            } catch (ReflectiveOperationException | RuntimeException e) {
                errors.add((path.isEmpty() ? "" : path.substring(1) + ": ") + "invalid value ("
                        + rootMessage(e) + ")");
                continue;
            }
            if ("getAdditionalProperties".equals(getter.getName()) && value instanceof Map<?, ?> unknown) {
                unknown.keySet().forEach(key -> errors.add(
                        (path.isEmpty() ? "" : path.substring(1) + ".") + key
                                + ": unknown field or wrongly typed value"));
            } else if (value != null && !(value instanceof String) && !(value instanceof Number)
                    && !(value instanceof Boolean)) {
                String property = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
                unknownFields(value, path + "." + property, errors, seen);
            }
        }
    }

    /** The field a Jackson mapping error is about ("spec.replicas: "), or "" when it names none. */
    private static String mappingPath(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
                return mapping.getPath().stream()
                        .map(ref -> ref.getFieldName() != null ? "." + ref.getFieldName() : "[" + ref.getIndex() + "]")
                        .collect(Collectors.joining()).substring(1) + ": ";
            }
        }
        return "";
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
