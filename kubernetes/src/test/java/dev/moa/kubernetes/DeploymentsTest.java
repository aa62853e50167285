package dev.moa.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** The services' Deployments (and every workload's pods): probes, resources, security, rollout, scraping. */
class DeploymentsTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceModuleHasADeployment(String overlay) {
        List<String> deployed = Manifests.of(overlay).serviceDeployments().stream().map(Manifests::name).toList();

        assertThat(deployed).containsExactlyInAnyOrderElementsOf(
                ServiceModule.all().stream().map(ServiceModule::name).toList());
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceHasStartupLivenessAndReadinessProbesOnQuarkusHealth(String overlay) {
        for (Deployment deployment : Manifests.of(overlay).serviceDeployments()) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);

            assertThat(path(container.getStartupProbe())).as("%s startup probe", Manifests.name(deployment))
                    .contains("/q/health/started");
            assertThat(path(container.getLivenessProbe())).as("%s liveness probe", Manifests.name(deployment))
                    .contains("/q/health/live");
            assertThat(path(container.getReadinessProbe())).as("%s readiness probe", Manifests.name(deployment))
                    .contains("/q/health/ready");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerHasCpuAndMemoryRequestsAndLimits(String overlay) {
        for (Workloads workload : Workloads.of(Manifests.of(overlay))) {
            for (Container container : workload.containers()) {
                Map<String, Quantity> requests = container.getResources().getRequests();
                Map<String, Quantity> limits = container.getResources().getLimits();

                assertThat(requests).as("%s %s requests", workload, container.getName())
                        .containsKeys("cpu", "memory");
                assertThat(limits).as("%s %s limits", workload, container.getName()).containsKeys("cpu", "memory");
                assertThat(Quantity.getAmountInBytes(requests.get("memory")))
                        .as("%s %s memory request within its limit", workload, container.getName())
                        .isLessThanOrEqualTo(Quantity.getAmountInBytes(limits.get("memory")));
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyPodRunsAsNonRootWithTheRuntimeDefaultSeccompProfile(String overlay) {
        for (Workloads workload : Workloads.of(Manifests.of(overlay))) {
            PodSecurityContext pod = workload.template().getSpec().getSecurityContext();

            assertThat(pod).as("%s pod security context", workload).isNotNull();
            assertThat(pod.getRunAsNonRoot()).as("%s runAsNonRoot", workload).isTrue();
            assertThat(pod.getSeccompProfile().getType()).as("%s seccomp", workload).isEqualTo("RuntimeDefault");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerHasAReadOnlyRootFileSystemDropsAllCapabilitiesAndCannotEscalate(String overlay) {
        for (Workloads workload : Workloads.of(Manifests.of(overlay))) {
            for (Container container : workload.containers()) {
                SecurityContext security = container.getSecurityContext();
                String name = workload + " " + container.getName();

                assertThat(security).as("%s security context", name).isNotNull();
                assertThat(security.getReadOnlyRootFilesystem()).as("%s readOnlyRootFilesystem", name).isTrue();
                assertThat(security.getAllowPrivilegeEscalation()).as("%s allowPrivilegeEscalation", name).isFalse();
                assertThat(security.getCapabilities().getDrop()).as("%s drops", name).containsExactly("ALL");
                assertThat(security.getCapabilities().getAdd()).as("%s adds", name).isNullOrEmpty();
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyContainerWritesTmpToAnEmptyDir(String overlay) {
        for (Workloads workload : Workloads.of(Manifests.of(overlay))) {
            for (Container container : workload.containers()) {
                Optional<String> tmpVolume = container.getVolumeMounts().stream()
                        .filter(mount -> "/tmp".equals(mount.getMountPath())).map(VolumeMount::getName).findFirst();

                assertThat(tmpVolume).as("%s %s mounts /tmp", workload, container.getName()).isPresent();
                assertThat(workload.template().getSpec().getVolumes()).as("%s /tmp volume", workload)
                        .filteredOn(volume -> volume.getName().equals(tmpVolume.get()))
                        .extracting(Volume::getEmptyDir).doesNotContainNull().hasSize(1);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void rollingUpdatesStartANewPodBeforeStoppingAnOldOne(String overlay) {
        for (Deployment deployment : Manifests.of(overlay).all(Deployment.class)) {
            assertThat(deployment.getSpec().getStrategy().getType()).as(Manifests.name(deployment))
                    .isEqualTo("RollingUpdate");
            assertThat(deployment.getSpec().getStrategy().getRollingUpdate().getMaxUnavailable().getIntVal())
                    .as("%s maxUnavailable", Manifests.name(deployment)).isZero();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void prometheusScrapesEveryServiceOnItsMetricsPathAndPort(String overlay) {
        for (Deployment deployment : Manifests.of(overlay).serviceDeployments()) {
            Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            int port = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0)
                    .getContainerPort();

            assertThat(annotations).as(Manifests.name(deployment)).containsEntry("prometheus.io/scrape", "true")
                    .containsEntry("prometheus.io/path", "/q/metrics")
                    .containsEntry("prometheus.io/port", String.valueOf(port));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceListensOnThePortItsSourceDeclares(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (ServiceModule module : ServiceModule.all()) {
            Container container = manifests.deployment(module.name()).getSpec().getTemplate().getSpec()
                    .getContainers().get(0);

            assertThat(container.getPorts()).as(module.name()).extracting("containerPort")
                    .containsExactly(module.port());
            assertThat(Environment.of(manifests, manifests.deployment(module.name())).configMapValue(
                    "QUARKUS_HTTP_PORT")).as("%s QUARKUS_HTTP_PORT (the images default to 8080)", module.name())
                    .contains(String.valueOf(module.port()));
        }
    }

    private static String path(Probe probe) {
        return probe == null || probe.getHttpGet() == null ? "<none>" : probe.getHttpGet().getPath();
    }
}
