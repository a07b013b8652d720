package org.kindred.ops;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Renders a kustomize overlay the way {@code kubectl kustomize} does, for the subset of kustomize that k8s/ uses
 * (resources, namespace, images, strategic-merge patches by file), so the manifest checks run on what would be
 * applied even where kubectl is not installed. Anything else in a kustomization.yaml is refused, so k8s/ cannot
 * drift beyond what this renders; where kubectl is installed, KubernetesManifestsTest compares both renderings.
 */
final class KustomizeRenderer {

    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "namespace", "resources", "images",
            "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "StorageClass", "PriorityClass", "IngressClass");
    /** Strategic-merge keys of the list fields k8s/ patches (from the Kubernetes API's patchMergeKey). */
    private static final Map<String, String> MERGE_KEYS = Map.of("containers", "name", "initContainers", "name",
            "env", "name", "volumes", "name", "volumeMounts", "mountPath", "imagePullSecrets", "name",
            "topologySpreadConstraints", "topologyKey");

    /** A rendered object and the file it came from. */
    record Rendered(ObjectNode object, Path source) {

        String id() {
            return object.path("kind").asText() + "/" + object.path("metadata").path("name").asText();
        }
    }

    private KustomizeRenderer() {
    }

    static List<Rendered> render(Path dir) {
        JsonNode kustomization = readSingle(dir.resolve("kustomization.yaml"));
        for (Iterator<String> names = kustomization.fieldNames(); names.hasNext();) {
            String name = names.next();
            if (!SUPPORTED.contains(name)) {
                throw new IllegalStateException(dir + "/kustomization.yaml uses '" + name
                        + "', which KustomizeRenderer does not render: support it there before using it");
            }
        }
        List<Rendered> objects = new ArrayList<>();
        for (JsonNode entry : kustomization.path("resources")) {
            Path path = dir.resolve(entry.asText()).normalize();
            if (Files.isDirectory(path)) {
                objects.addAll(render(path));
            } else if (Files.isRegularFile(path)) {
                for (ObjectNode object : readAll(path)) {
                    objects.add(new Rendered(object, path));
                }
            } else {
                throw new IllegalStateException(dir + "/kustomization.yaml lists resource " + entry.asText()
                        + ", which does not exist");
            }
        }
        for (JsonNode entry : kustomization.path("patches")) {
            if (!entry.has("path") || entry.size() != 1) {
                throw new IllegalStateException(dir + "/kustomization.yaml: only 'patches: - path: <file>' "
                        + "(a strategic-merge patch naming its target) is supported, got " + entry);
            }
            Path path = dir.resolve(entry.path("path").asText()).normalize();
            if (!Files.isRegularFile(path)) {
                throw new IllegalStateException(dir + "/kustomization.yaml lists patch " + entry.path("path").asText()
                        + ", which does not exist");
            }
            ObjectNode patch = (ObjectNode) readSingle(path);
            List<Rendered> targets = objects.stream()
                    .filter(r -> r.object().path("kind").equals(patch.path("kind"))
                            && r.object().path("metadata").path("name").equals(patch.path("metadata").path("name")))
                    .toList();
            if (targets.size() != 1) {
                throw new IllegalStateException("patch " + path + " targets " + patch.path("kind").asText() + "/"
                        + patch.path("metadata").path("name").asText() + ", which matches " + targets.size()
                        + " objects (expected exactly 1)");
            }
            merge(targets.get(0).object(), patch);
        }
        for (JsonNode image : kustomization.path("images")) {
            objects.forEach(r -> setImage(r.object(), image));
        }
        if (kustomization.hasNonNull("namespace")) {
            String namespace = kustomization.path("namespace").asText();
            for (Rendered r : objects) {
                ObjectNode metadata = r.object().with("metadata");
                if ("Namespace".equals(r.object().path("kind").asText())) {
                    metadata.put("name", namespace);
                } else if (!CLUSTER_SCOPED.contains(r.object().path("kind").asText())) {
                    metadata.put("namespace", namespace);
                }
            }
        }
        return objects;
    }

    /** Strategic merge: maps merge, null deletes, keyed lists merge by their key, other values are replaced. */
    static void merge(ObjectNode target, ObjectNode patch) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = patch.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            JsonNode value = field.getValue();
            JsonNode existing = target.get(name);
            if (name.startsWith("$")) {
                throw new IllegalStateException("strategic-merge directive " + name + " is not supported");
            } else if (value.isNull()) {
                target.remove(name);
            } else if (value.isObject() && existing instanceof ObjectNode existingObject) {
                merge(existingObject, (ObjectNode) value);
            } else if (value.isArray() && existing instanceof ArrayNode existingArray && MERGE_KEYS.containsKey(name)) {
                mergeList(existingArray, (ArrayNode) value, MERGE_KEYS.get(name));
            } else {
                target.set(name, value.deepCopy());
            }
        }
    }

    private static void mergeList(ArrayNode target, ArrayNode patch, String key) {
        for (JsonNode item : patch) {
            ObjectNode match = null;
            for (JsonNode candidate : target) {
                if (candidate.path(key).equals(item.path(key))) {
                    match = (ObjectNode) candidate;
                }
            }
            if (match != null) {
                merge(match, (ObjectNode) item);
            } else {
                target.add(item.deepCopy());
            }
        }
    }

    private static void setImage(ObjectNode object, JsonNode image) {
        String name = image.path("name").asText();
        for (JsonNode podSpec : List.of(object.at("/spec/template/spec"),
                object.at("/spec/jobTemplate/spec/template/spec"))) {
            for (String list : List.of("initContainers", "containers")) {
                for (JsonNode container : podSpec.path(list)) {
                    String current = container.path("image").asText();
                    String repository = current.split("@")[0].replaceFirst(":[^:/]+$", "");
                    if (repository.equals(name)) {
                        String tag = image.has("digest")
                                ? "@" + image.path("digest").asText()
                                : image.has("newTag")
                                        ? ":" + image.path("newTag").asText()
                                        : current.substring(repository.length());
                        ((ObjectNode) container).put("image", image.path("newName").asText(repository) + tag);
                    }
                }
            }
        }
    }

    static List<ObjectNode> readAll(Path file) {
        try (var parser = YAML.getFactory().createParser(file.toFile())) {
            List<ObjectNode> documents = new ArrayList<>();
            for (Iterator<JsonNode> it = YAML.readValues(parser, JsonNode.class); it.hasNext();) {
                JsonNode document = it.next();
                if (document instanceof ObjectNode object) {
                    documents.add(object);
                } else if (document != null && !document.isNull() && !document.isMissingNode()) {
                    throw new IllegalStateException(file + " holds a YAML document that is not an object");
                }
            }
            return documents;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JsonNode readSingle(Path file) {
        List<ObjectNode> documents = readAll(file);
        if (documents.size() != 1) {
            throw new IllegalStateException(file + " must hold exactly one YAML document");
        }
        return documents.get(0);
    }
}
