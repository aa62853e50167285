package dev.moa.kubernetes;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * A small evaluator of an overlay's NetworkPolicies, enough for Moa's: label selectors by matchLabels (a policy
 * using matchExpressions fails the check rather than being misread), peers by pod labels in the same namespace, by
 * namespace name, or by IP block, ports by number or by name.
 */
record Policies(List<NetworkPolicy> policies) {

    /** A pod in this namespace (labels), another namespace's pods (namespace name + labels), or an outside address. */
    record Peer(Map<String, String> podLabels, String namespace, boolean outside) {

        static Peer pod(Map<String, String> labels) {
            return new Peer(labels, null, false);
        }

        static Peer inNamespace(String namespace, Map<String, String> labels) {
            return new Peer(labels, namespace, false);
        }

        static Peer outsideTheCluster() {
            return new Peer(Map.of(), null, true);
        }
    }

    /** A port by number and, where the pod names it, by name. */
    record Port(int number, String name, String protocol) {

        static Port tcp(int number, String name) {
            return new Port(number, name, "TCP");
        }
    }

    static Policies of(Manifests manifests) {
        return new Policies(manifests.all(NetworkPolicy.class));
    }

    boolean egressAllowed(Map<String, String> from, Peer to, Port port) {
        return policies.stream().filter(policy -> types(policy).contains("Egress"))
                .filter(policy -> selects(policy.getSpec().getPodSelector(), from))
                .flatMap(policy -> policy.getSpec().getEgress() == null ? java.util.stream.Stream.empty()
                        : policy.getSpec().getEgress().stream())
                .anyMatch(rule -> peersMatch(rule.getTo(), to) && portsMatch(rule.getPorts(), port));
    }

    boolean ingressAllowed(Peer from, Map<String, String> to, Port port) {
        return policies.stream().filter(policy -> types(policy).contains("Ingress"))
                .filter(policy -> selects(policy.getSpec().getPodSelector(), to))
                .flatMap(policy -> policy.getSpec().getIngress() == null ? java.util.stream.Stream.empty()
                        : policy.getSpec().getIngress().stream())
                .anyMatch(rule -> peersMatch(rule.getFrom(), from) && portsMatch(rule.getPorts(), port));
    }

    private static List<String> types(NetworkPolicy policy) {
        return policy.getSpec().getPolicyTypes() == null ? List.of("Ingress") : policy.getSpec().getPolicyTypes();
    }

    private static boolean peersMatch(List<NetworkPolicyPeer> peers, Peer peer) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(candidate -> peerMatches(candidate, peer));
    }

    private static boolean peerMatches(NetworkPolicyPeer candidate, Peer peer) {
        if (candidate.getIpBlock() != null) {
            return peer.outside() && candidate.getIpBlock().getCidr().equals("0.0.0.0/0");
        }
        if (peer.outside()) {
            return false;
        }
        if (candidate.getNamespaceSelector() != null) {
            return peer.namespace() != null
                    && selects(candidate.getNamespaceSelector(), Map.of("kubernetes.io/metadata.name", peer.namespace()))
                    && (candidate.getPodSelector() == null || selects(candidate.getPodSelector(), peer.podLabels()));
        }
        return peer.namespace() == null && selects(candidate.getPodSelector(), peer.podLabels());
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Port port) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        return ports.stream().anyMatch(candidate -> port.protocol().equals(
                candidate.getProtocol() == null ? "TCP" : candidate.getProtocol()) && matches(candidate.getPort(), port));
    }

    private static boolean matches(IntOrString candidate, Port port) {
        if (candidate == null) {
            return true;
        }
        return candidate.getIntVal() != null ? candidate.getIntVal() == port.number()
                : candidate.getStrVal().equals(port.name());
    }

    static boolean selects(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        if (selector.getMatchExpressions() != null && !selector.getMatchExpressions().isEmpty()) {
            throw new AssertionError("matchExpressions are not evaluated by this check: " + selector);
        }
        Map<String, String> wanted = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
        return labels.entrySet().containsAll(wanted.entrySet());
    }
}
