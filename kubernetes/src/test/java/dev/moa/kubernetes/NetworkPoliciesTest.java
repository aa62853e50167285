package dev.moa.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.moa.kubernetes.Policies.Peer;
import dev.moa.kubernetes.Policies.Port;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.strimzi.api.kafka.model.kafka.Kafka;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Default deny, then exactly the paths Moa needs: ingress controller → services → Kafka, PostgreSQL, Redis, DNS. */
class NetworkPoliciesTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    private static final Map<String, String> INGRESS_CONTROLLER = Map.of("app.kubernetes.io/name", "ingress-nginx");

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void aDefaultDenyPolicyCoversEveryPodBothWays(String overlay) {
        assertThat(Manifests.of(overlay).all(NetworkPolicy.class)).anySatisfy(policy -> {
            assertThat(policy.getSpec().getPodSelector().getMatchLabels()).isNullOrEmpty();
            assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).isNullOrEmpty();
            assertThat(policy.getSpec().getPolicyTypes()).containsExactlyInAnyOrder("Ingress", "Egress");
            assertThat(policy.getSpec().getIngress()).isNullOrEmpty();
            assertThat(policy.getSpec().getEgress()).isNullOrEmpty();
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyPodMayResolveNamesWithTheClusterDns(String overlay) {
        Policies policies = Policies.of(Manifests.of(overlay));
        Peer dns = Peer.inNamespace("kube-system", Map.of("k8s-app", "kube-dns"));

        for (Deployment deployment : Manifests.of(overlay).all(Deployment.class)) {
            assertThat(policies.egressAllowed(Manifests.podLabels(deployment), dns, new Port(53, "dns", "UDP")))
                    .as(Manifests.name(deployment)).isTrue();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theIngressControllerReachesEveryService(String overlay) {
        Policies policies = Policies.of(Manifests.of(overlay));
        for (Deployment deployment : Manifests.of(overlay).serviceDeployments()) {
            assertThat(policies.ingressAllowed(Peer.inNamespace("ingress-nginx", INGRESS_CONTROLLER),
                    Manifests.podLabels(deployment), httpPort(deployment))).as(Manifests.name(deployment)).isTrue();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void noOtherPodReachesAServiceExceptThroughItsPolicies(String overlay) {
        Policies policies = Policies.of(Manifests.of(overlay));
        Peer stranger = Peer.pod(Map.of("app.kubernetes.io/name", "stranger"));
        for (Deployment deployment : Manifests.of(overlay).serviceDeployments()) {
            assertThat(policies.ingressAllowed(stranger, Manifests.podLabels(deployment), httpPort(deployment)))
                    .as(Manifests.name(deployment)).isFalse();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceReachesKafkaPostgresAndMembershipsKeys(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Policies policies = Policies.of(manifests);
        Map<String, String> kafka = Map.of("strimzi.io/cluster",
                manifests.all(Kafka.class).get(0).getMetadata().getName());
        Map<String, String> postgres = Map.of("cnpg.io/cluster",
                manifests.all(CloudNativePg.Cluster.class).get(0).metadata().getName());
        Map<String, String> membership = Manifests.podLabels(manifests.deployment("membership"));

        for (Deployment deployment : manifests.serviceDeployments()) {
            Map<String, String> service = Manifests.podLabels(deployment);
            assertThat(policies.egressAllowed(service, Peer.pod(kafka), Port.tcp(9092, "tcp-clients")))
                    .as("%s → Kafka", Manifests.name(deployment)).isTrue();
            assertThat(policies.egressAllowed(service, Peer.pod(postgres), Port.tcp(5432, "postgresql")))
                    .as("%s → PostgreSQL", Manifests.name(deployment)).isTrue();
            assertThat(policies.ingressAllowed(Peer.pod(service), postgres, Port.tcp(5432, "postgresql")))
                    .as("PostgreSQL ← %s", Manifests.name(deployment)).isTrue();
            assertThat(policies.egressAllowed(service, Peer.pod(membership), Port.tcp(8081, "http")))
                    .as("%s → membership's JWKS", Manifests.name(deployment)).isTrue();
            assertThat(policies.ingressAllowed(Peer.pod(service), membership, Port.tcp(8081, "http")))
                    .as("membership's JWKS ← %s", Manifests.name(deployment)).isTrue();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceThatReadsRedisReachesIt(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Policies policies = Policies.of(manifests);
        Map<String, String> redis = Map.of("app.kubernetes.io/name", "moa-redis");
        List<ServiceModule> clients = ServiceModule.all().stream()
                .filter(module -> module.prodEnvironmentVariables().contains("MOA_REDIS_URL")).toList();

        assertThat(clients).isNotEmpty();
        for (ServiceModule client : clients) {
            Map<String, String> labels = Manifests.podLabels(manifests.deployment(client.name()));
            assertThat(policies.egressAllowed(labels, Peer.pod(redis), Port.tcp(6379, "redis")))
                    .as("%s → Redis", client.name()).isTrue();
            assertThat(policies.ingressAllowed(Peer.pod(labels), redis, Port.tcp(6379, "redis")))
                    .as("Redis ← %s", client.name()).isTrue();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void notificationsReachesAnSmtpRelayOutsideTheCluster(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Map<String, String> notifications = Manifests.podLabels(manifests.deployment("notifications"));
        int port = Integer.parseInt(Environment.of(manifests, manifests.deployment("notifications"))
                .configMapValue("MOA_SMTP_PORT").orElseThrow());

        assertThat(Policies.of(manifests).egressAllowed(notifications, Peer.outsideTheCluster(),
                Port.tcp(port, "smtp"))).isTrue();
    }

    @Test
    void prodBankingReachesTheBanksApiOverHttps() {
        Manifests prod = Manifests.of("prod");
        Map<String, String> banking = Manifests.podLabels(prod.deployment("banking"));

        assertThat(Environment.of(prod, prod.deployment("banking")).configMapValue("MOA_BANK_URL")).get()
                .asString().startsWith("https://");
        assertThat(Policies.of(prod).egressAllowed(banking, Peer.outsideTheCluster(), Port.tcp(443, "https")))
                .isTrue();
    }

    @Test
    void devBankingReachesTheBankSimulatorAndNothingElseDoes() {
        Manifests dev = Manifests.of("dev");
        Policies policies = Policies.of(dev);
        Map<String, String> simulator = Manifests.podLabels(dev.deployment("bank-simulator"));
        Map<String, String> banking = Manifests.podLabels(dev.deployment("banking"));
        Map<String, String> money = Manifests.podLabels(dev.deployment("money"));

        assertThat(policies.egressAllowed(banking, Peer.pod(simulator), Port.tcp(8090, "http"))).isTrue();
        assertThat(policies.ingressAllowed(Peer.pod(banking), simulator, Port.tcp(8090, "http"))).isTrue();
        assertThat(policies.ingressAllowed(Peer.pod(money), simulator, Port.tcp(8090, "http"))).isFalse();
    }

    private static Port httpPort(Deployment deployment) {
        var port = deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getPorts().get(0);
        return Port.tcp(port.getContainerPort(), port.getName());
    }
}
