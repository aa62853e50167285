package dev.moa.kubernetes;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.Map;

/**
 * Reads a rendered object as its typed model and rejects every field the model does not know. The Kubernetes
 * (fabric8) and Strimzi models keep unknown fields in an "additional properties" map; here that map is switched off,
 * so a misspelt or misplaced field ({@code readinesProbe}, a probe under the pod instead of the container) fails.
 * CloudNativePG publishes no Java model: {@link CloudNativePg} is the minimal one kept here.
 */
final class StrictModels {

    /** The kinds Moa's manifests may contain, each with the apiVersion it must have. */
    static final Map<String, Model> MODELS = Map.ofEntries(
            model(Deployment.class), model(StatefulSet.class), model(Service.class), model(ConfigMap.class),
            model(Ingress.class), model(NetworkPolicy.class), model(PodDisruptionBudget.class),
            model(HorizontalPodAutoscaler.class),
            Map.entry("Kafka", new Model("kafka.strimzi.io/v1", Kafka.class)),
            Map.entry("KafkaNodePool", new Model("kafka.strimzi.io/v1", KafkaNodePool.class)),
            Map.entry("KafkaTopic", new Model("kafka.strimzi.io/v1", KafkaTopic.class)),
            Map.entry("Cluster", new Model(CloudNativePg.API_VERSION, CloudNativePg.Cluster.class)),
            Map.entry("ScheduledBackup", new Model(CloudNativePg.API_VERSION, CloudNativePg.ScheduledBackup.class)),
            Map.entry("Database", new Model(CloudNativePg.API_VERSION, CloudNativePg.Database.class)));

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .annotationIntrospector(new RejectUnknownFields())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    private StrictModels() {
    }

    record Model(String apiVersion, Class<?> type) {
    }

    /** The object as its typed model; an unknown kind, a wrong apiVersion or an unknown field fails. */
    static Object parse(JsonNode object) {
        String kind = object.path("kind").asText();
        Model model = MODELS.get(kind);
        if (model == null) {
            throw new IllegalArgumentException("no typed model for kind " + kind + " (" + name(object) + ")");
        }
        if (!model.apiVersion().equals(object.path("apiVersion").asText())) {
            throw new IllegalArgumentException(kind + " " + name(object) + " has apiVersion "
                    + object.path("apiVersion").asText() + ", expected " + model.apiVersion());
        }
        try {
            return STRICT.treeToValue(object, model.type());
        } catch (Exception e) {
            throw new IllegalArgumentException(kind + " " + name(object) + ": " + e.getMessage(), e);
        }
    }

    static <T> T parse(JsonNode object, Class<T> type) {
        return type.cast(parse(object));
    }

    private static String name(JsonNode object) {
        return object.path("metadata").path("name").asText("<no name>");
    }

    private static Map.Entry<String, Model> model(Class<? extends HasMetadata> type) {
        return Map.entry(HasMetadata.getKind(type), new Model(HasMetadata.getApiVersion(type), type));
    }

    /** Turns off the models' catch-all maps ({@code @JsonAnySetter}) and their {@code ignoreUnknown}. */
    private static final class RejectUnknownFields extends JacksonAnnotationIntrospector {

        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }

        @Override
        public JsonIgnoreProperties.Value findPropertyIgnoralByName(MapperConfig<?> config, Annotated annotated) {
            return super.findPropertyIgnoralByName(config, annotated).withoutIgnoreUnknown();
        }
    }
}
