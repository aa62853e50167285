package dev.moa.kubernetes;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The environment of a Deployment's first container as Kubernetes resolves it: {@code envFrom} sources in order (a
 * later one wins), then {@code env} entries (which win over all of envFrom). ConfigMaps are looked up in the same
 * rendered overlay; Secrets are not in the repository, so a Secret's variable is known only by its reference.
 */
final class Environment {

    /** Where one variable comes from: a ConfigMap's value, a Secret's key, or a literal in the manifest. */
    record Source(String configMapValue, SecretKeySelector secret, String literal) {

        boolean fromConfigMapOrSecret() {
            return configMapValue != null || secret != null;
        }
    }

    private final Map<String, Source> variables;

    private Environment(Map<String, Source> variables) {
        this.variables = variables;
    }

    static Environment of(Manifests manifests, Deployment deployment) {
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        Map<String, Source> variables = new LinkedHashMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                ConfigMap configMap = manifests.configMap(from.getConfigMapRef().getName());
                String prefix = from.getPrefix() == null ? "" : from.getPrefix();
                configMap.getData().forEach((key, value) -> variables.put(prefix + key, new Source(value, null, null)));
            }
        }
        for (EnvVar variable : container.getEnv()) {
            variables.put(variable.getName(), source(manifests, variable));
        }
        return new Environment(variables);
    }

    Optional<Source> source(String name) {
        return Optional.ofNullable(variables.get(name));
    }

    boolean fromConfigMapOrSecret(String name) {
        return source(name).map(Source::fromConfigMapOrSecret).orElse(false);
    }

    Optional<String> configMapValue(String name) {
        return source(name).map(Source::configMapValue);
    }

    Optional<SecretKeySelector> secret(String name) {
        return source(name).map(Source::secret);
    }

    Map<String, Source> all() {
        return variables;
    }

    private static Source source(Manifests manifests, EnvVar variable) {
        if (variable.getValueFrom() == null) {
            return new Source(null, null, variable.getValue());
        }
        if (variable.getValueFrom().getSecretKeyRef() != null) {
            return new Source(null, variable.getValueFrom().getSecretKeyRef(), null);
        }
        if (variable.getValueFrom().getConfigMapKeyRef() != null) {
            var reference = variable.getValueFrom().getConfigMapKeyRef();
            String value = manifests.configMap(reference.getName()).getData().get(reference.getKey());
            if (value == null) {
                throw new AssertionError(variable.getName() + ": ConfigMap " + reference.getName() + " has no key "
                        + reference.getKey());
            }
            return new Source(value, null, null);
        }
        return new Source(null, null, null);
    }
}
