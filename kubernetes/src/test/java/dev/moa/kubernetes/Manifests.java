package dev.moa.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The objects of one rendered overlay: raw (as kubectl printed them) and as their typed models. */
final class Manifests {

    static final List<String> OVERLAYS = List.of("dev", "prod");

    private static final Map<String, Manifests> RENDERED = new ConcurrentHashMap<>();
    private static final YAMLMapper YAML = new YAMLMapper();

    private final String overlay;
    private final List<JsonNode> objects;

    private Manifests(String overlay, List<JsonNode> objects) {
        this.overlay = overlay;
        this.objects = objects;
    }

    /** The overlay rendered once per test run (kubectl takes a fraction of a second, but there are many checks). */
    static Manifests of(String overlay) {
        return RENDERED.computeIfAbsent(overlay, name -> parse(name, Kubectl.kustomize(name)));
    }

    static Manifests parse(String overlay, String yaml) {
        try (MappingIterator<JsonNode> documents = YAML.readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> objects = documents.readAll().stream().filter(node -> !node.isNull() && !node.isEmpty())
                    .toList();
            return new Manifests(overlay, objects);
        } catch (IOException e) {
            throw new UncheckedIOException("overlay " + overlay + " is not valid YAML", e);
        }
    }

    String overlay() {
        return overlay;
    }

    List<JsonNode> objects() {
        return objects;
    }

    /** Every object of the type's kind, parsed strictly. */
    <T> List<T> all(Class<T> type) {
        String kind = kindOf(type);
        return objects.stream().filter(object -> kind.equals(object.path("kind").asText()))
                .map(object -> StrictModels.parse(object, type)).toList();
    }

    <T> Optional<T> named(Class<T> type, String name) {
        String kind = kindOf(type);
        return objects.stream().filter(object -> kind.equals(object.path("kind").asText()))
                .filter(object -> name.equals(object.path("metadata").path("name").asText()))
                .findFirst().map(object -> StrictModels.parse(object, type));
    }

    Deployment deployment(String name) {
        return named(Deployment.class, name)
                .orElseThrow(() -> new AssertionError(overlay + " has no Deployment " + name));
    }

    ConfigMap configMap(String name) {
        return named(ConfigMap.class, name)
                .orElseThrow(() -> new AssertionError(overlay + " has no ConfigMap " + name));
    }

    /** The Deployments of Moa's services (label moa.dev/tier=api), not the dev-only bank simulator. */
    List<Deployment> serviceDeployments() {
        return all(Deployment.class).stream()
                .filter(deployment -> "api".equals(podLabels(deployment).get("moa.dev/tier"))).toList();
    }

    static Map<String, String> podLabels(Deployment deployment) {
        Map<String, String> labels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    static String name(HasMetadata object) {
        return object.getMetadata().getName();
    }

    private static String kindOf(Class<?> type) {
        return StrictModels.MODELS.entrySet().stream().filter(entry -> entry.getValue().type().equals(type))
                .map(Map.Entry::getKey).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no kind for " + type));
    }

    @Override
    public String toString() {
        return overlay;
    }
}
