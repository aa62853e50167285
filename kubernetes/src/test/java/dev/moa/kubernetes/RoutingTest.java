package dev.moa.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Services select pods that exist; the one Ingress routes /api/... to every service, over TLS, unbuffered. */
class RoutingTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceSelectsTheLabelsOfAWorkloadsPodsAndANamedPortOfThem(String overlay) {
        List<Workloads> workloads = Workloads.of(Manifests.of(overlay));
        for (Service service : Manifests.of(overlay).all(Service.class)) {
            Map<String, String> selector = service.getSpec().getSelector();
            Optional<Workloads> selected = workloads.stream()
                    .filter(workload -> selector != null && !selector.isEmpty()
                            && workload.template().getMetadata().getLabels().entrySet().containsAll(
                                    selector.entrySet()))
                    .findFirst();

            assertThat(selected).as("Service %s selects the pods of a Deployment or StatefulSet",
                    Manifests.name(service)).isPresent();
            List<String> portNames = selected.get().containers().stream()
                    .flatMap(container -> container.getPorts().stream()).map(ContainerPort::getName).toList();
            assertThat(service.getSpec().getPorts()).as("Service %s target ports", Manifests.name(service))
                    .extracting(port -> port.getTargetPort().getStrVal()).isSubsetOf(portNames);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theIngressRoutesEveryServiceUnderApiToItsPort(String overlay) {
        Ingress ingress = theIngress(overlay);
        for (ServiceModule module : ServiceModule.all()) {
            Service service = Manifests.of(overlay).named(Service.class, module.name())
                    .orElseThrow(() -> new AssertionError("no Service " + module.name()));
            List<HTTPIngressPath> routes = paths(ingress).stream()
                    .filter(path -> path.getBackend().getService().getName().equals(module.name())).toList();

            assertThat(routes).as("routes to %s", module.name()).hasSize(1);
            assertThat(routes.get(0).getPath()).startsWith("/api/");
            assertThat(service.getSpec().getPorts()).extracting(ServicePort::getPort)
                    .contains(routes.get(0).getBackend().getService().getPort().getNumber());
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theIngressStripsTheApiPrefixAndKeepsQuarkusEndpointsInside(String overlay) {
        Ingress ingress = theIngress(overlay);
        String rewrite = ingress.getMetadata().getAnnotations().get("nginx.ingress.kubernetes.io/rewrite-target");
        HTTPIngressPath money = paths(ingress).stream()
                .filter(path -> path.getBackend().getService().getName().equals("money")).findFirst().orElseThrow();
        // ingress-nginx matches these paths as case-insensitive regular expressions anchored at the start.
        Pattern route = Pattern.compile("^" + money.getPath(), Pattern.CASE_INSENSITIVE);
        String prefix = money.getPath().substring(0, money.getPath().indexOf('('));

        assertThat(ingress.getMetadata().getAnnotations()).containsEntry("nginx.ingress.kubernetes.io/use-regex",
                "true");
        var wallets = route.matcher(prefix + "/wallets/me");
        assertThat(wallets.find()).isTrue();
        assertThat(rewrite.replace("$2", wallets.group(2))).isEqualTo("/wallets/me");
        assertThat(route.matcher(prefix + "/q/metrics").find()).as("/q/metrics reachable from outside").isFalse();
        assertThat(route.matcher(prefix + "/q/health/ready").find()).as("/q/health reachable from outside").isFalse();
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theIngressDoesNotBufferServerSentEvents(String overlay) {
        Map<String, String> annotations = theIngress(overlay).getMetadata().getAnnotations();

        assertThat(annotations).containsEntry("nginx.ingress.kubernetes.io/proxy-buffering", "off");
        assertThat(Integer.parseInt(annotations.get("nginx.ingress.kubernetes.io/proxy-read-timeout")))
                .as("seconds an idle event stream stays open").isGreaterThanOrEqualTo(600);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void theIngressServesOneHostOverTlsFromCertManager(String overlay) {
        Ingress ingress = theIngress(overlay);

        assertThat(ingress.getSpec().getRules()).hasSize(1);
        String host = ingress.getSpec().getRules().get(0).getHost();
        assertThat(ingress.getSpec().getTls()).singleElement().satisfies(tls -> {
            assertThat(tls.getHosts()).containsExactly(host);
            assertThat(tls.getSecretName()).isNotBlank();
        });
        assertThat(ingress.getMetadata().getAnnotations()).containsKey("cert-manager.io/cluster-issuer");
    }

    private static Ingress theIngress(String overlay) {
        List<Ingress> ingresses = Manifests.of(overlay).all(Ingress.class);
        assertThat(ingresses).as("Ingresses of %s", overlay).hasSize(1);
        return ingresses.get(0);
    }

    private static List<HTTPIngressPath> paths(Ingress ingress) {
        return ingress.getSpec().getRules().stream().flatMap(rule -> rule.getHttp().getPaths().stream()).toList();
    }
}
