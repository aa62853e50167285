package dev.moa.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every rendered object is a known kind, with its apiVersion, and has no field its typed model does not know. */
class TypedModelsTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyRenderedObjectParsesAsItsTypedModelWithoutUnknownFields(String overlay) {
        List<String> failures = new ArrayList<>();
        for (JsonNode object : Manifests.of(overlay).objects()) {
            try {
                StrictModels.parse(object);
            } catch (IllegalArgumentException e) {
                failures.add(e.getMessage());
            }
        }

        assertThat(Manifests.of(overlay).objects()).isNotEmpty();
        assertThat(failures).as("objects of overlay %s that are not valid typed models", overlay).isEmpty();
    }

    @Test
    void aKubernetesFieldTheModelDoesNotKnowIsRejected() {
        Manifests misspelt = Manifests.parse("test", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: money
                spec:
                  template:
                    spec:
                      containers:
                        - name: money
                          image: moa/money:0.1.0-jvm
                          readinesProbe:
                            httpGet:
                              path: /q/health/ready
                              port: http
                """);

        assertThatThrownBy(() -> StrictModels.parse(misspelt.objects().get(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("readinesProbe");
    }

    @Test
    void aStrimziFieldTheModelDoesNotKnowIsRejected() {
        Manifests misspelt = Manifests.parse("test", """
                apiVersion: kafka.strimzi.io/v1
                kind: KafkaTopic
                metadata:
                  name: money.events
                spec:
                  partition: 12
                  replicas: 3
                """);

        assertThatThrownBy(() -> StrictModels.parse(misspelt.objects().get(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("partition");
    }

    @Test
    void aCloudNativePgFieldTheSchemaDoesNotKnowIsRejected() {
        Manifests misspelt = Manifests.parse("test", """
                apiVersion: postgresql.cnpg.io/v1
                kind: Cluster
                metadata:
                  name: moa-postgres
                spec:
                  instance: 3
                """);

        assertThatThrownBy(() -> StrictModels.parse(misspelt.objects().get(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("instance");
    }

    @Test
    void aWrongApiVersionIsRejected() {
        Manifests old = Manifests.parse("test", """
                apiVersion: autoscaling/v1
                kind: HorizontalPodAutoscaler
                metadata:
                  name: money
                """);

        assertThatThrownBy(() -> StrictModels.parse(old.objects().get(0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("autoscaling/v2");
    }
}
