package dev.moa.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** What differs between dev and prod: replicas, images, disruption budgets, autoscaling, the bank simulator. */
class OverlaysTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noImageIsLatestOrUntagged(String overlay) {
        List<String> images = new ArrayList<>();
        Workloads.of(Manifests.of(overlay)).forEach(workload -> workload.containers().stream()
                .map(Container::getImage).forEach(images::add));
        Manifests.of(overlay).all(CloudNativePg.Cluster.class).forEach(cluster -> images.add(cluster.spec().imageName()));

        assertThat(images).isNotEmpty().allSatisfy(image -> {
            String tag = image.contains("@") ? "digest" : image.substring(image.lastIndexOf('/') + 1)
                    .replaceFirst("^[^:]*:?", "");
            assertThat(tag).as("tag of %s", image).isNotBlank().isNotEqualTo("latest");
        });
    }

    @Test
    void prodDeploysNoBankSimulator() {
        Manifests prod = Manifests.of("prod");

        assertThat(prod.objects()).noneMatch(object -> object.toString().contains("bank-simulator"));
        assertThat(prod.objects()).noneMatch(object -> object.toString().contains("MOA_BANK_SIM"));
    }

    @Test
    void devBankingTalksToTheBankSimulatorDeployedBesideIt() {
        Manifests dev = Manifests.of("dev");

        assertThat(dev.named(Deployment.class, "bank-simulator")).isPresent();
        assertThat(Environment.of(dev, dev.deployment("banking")).configMapValue("MOA_BANK_URL"))
                .contains("http://bank-simulator:8090");
    }

    @Test
    void devRunsOneReplicaOfEveryServiceFromJvmImages() {
        for (Deployment deployment : Manifests.of("dev").serviceDeployments()) {
            assertThat(deployment.getSpec().getReplicas()).as(Manifests.name(deployment)).isEqualTo(1);
            assertThat(image(deployment)).as(Manifests.name(deployment)).endsWith("-jvm");
        }
    }

    @Test
    void prodRunsThreeReplicasOfEveryServiceFromNativeImages() {
        for (Deployment deployment : Manifests.of("prod").serviceDeployments()) {
            assertThat(deployment.getSpec().getReplicas()).as(Manifests.name(deployment)).isEqualTo(3);
            assertThat(image(deployment)).as(Manifests.name(deployment)).endsWith("-native");
        }
    }

    @Test
    void prodKeepsTwoPodsOfEveryServiceThroughVoluntaryDisruptions() {
        List<PodDisruptionBudget> budgets = Manifests.of("prod").all(PodDisruptionBudget.class);
        for (Deployment deployment : Manifests.of("prod").serviceDeployments()) {
            assertThat(budgets).as("budget of %s", Manifests.name(deployment))
                    .filteredOn(budget -> Manifests.podLabels(deployment).entrySet()
                            .containsAll(budget.getSpec().getSelector().getMatchLabels().entrySet()))
                    .singleElement()
                    .satisfies(budget -> assertThat(budget.getSpec().getMinAvailable().getIntVal()).isEqualTo(2));
        }
    }

    @Test
    void prodScalesEveryServiceOnCpu() {
        List<HorizontalPodAutoscaler> autoscalers = Manifests.of("prod").all(HorizontalPodAutoscaler.class);
        for (Deployment deployment : Manifests.of("prod").serviceDeployments()) {
            assertThat(autoscalers).as("autoscaler of %s", Manifests.name(deployment))
                    .filteredOn(hpa -> hpa.getSpec().getScaleTargetRef().getKind().equals("Deployment")
                            && hpa.getSpec().getScaleTargetRef().getName().equals(Manifests.name(deployment)))
                    .singleElement().satisfies(hpa -> {
                        assertThat(hpa.getSpec().getMinReplicas()).isGreaterThanOrEqualTo(3);
                        assertThat(hpa.getSpec().getMaxReplicas()).isGreaterThan(hpa.getSpec().getMinReplicas());
                        assertThat(hpa.getSpec().getMetrics()).anyMatch(metric -> metric.getResource() != null
                                && metric.getResource().getName().equals("cpu"));
                    });
        }
    }

    @Test
    void devHasNoDisruptionBudgetsOrAutoscalersThatWouldPinItsSingleReplicas() {
        assertThat(Manifests.of("dev").all(PodDisruptionBudget.class)).isEmpty();
        assertThat(Manifests.of("dev").all(HorizontalPodAutoscaler.class)).isEmpty();
    }

    private static String image(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }
}
