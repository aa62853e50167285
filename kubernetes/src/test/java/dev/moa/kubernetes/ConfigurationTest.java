package dev.moa.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Every value a service reads in prod reaches it from a ConfigMap or a Secret; secrets only from Secrets. */
class ConfigurationTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /** Names of variables that hold a secret: passwords, user names of accounts, keys (not key ids or locations). */
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|USERNAME|_KEY|_SECRET|TOKEN)$");

    @Test
    void theServicesReadEnvironmentVariablesInProd() {
        // Guards the derivation itself: were the parsing of application.properties broken, the next test would pass
        // vacuously.
        assertThat(ServiceModule.all()).hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(module -> assertThat(module.prodEnvironmentVariables()).as(module.name())
                        .contains("MOA_DB_HOST", "MOA_DB_PASSWORD", "MOA_KAFKA_BOOTSTRAP_SERVERS"));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyMoaVariableAServiceReadsInProdComesFromAConfigMapOrSecret(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (ServiceModule module : ServiceModule.all()) {
            Environment environment = Environment.of(manifests, manifests.deployment(module.name()));

            assertThat(module.prodEnvironmentVariables()).as("%s: variables not given by a ConfigMap or Secret",
                    module.name()).allMatch(environment::fromConfigMapOrSecret);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void secretValuesComeOnlyFromSecrets(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (Deployment deployment : manifests.all(Deployment.class)) {
            Environment environment = Environment.of(manifests, deployment);
            Set<String> secretNames = environment.all().keySet().stream()
                    .filter(name -> SECRET_NAME.matcher(name).matches()).collect(java.util.stream.Collectors.toSet());

            assertThat(secretNames).as("%s: secrets not taken from a Secret", Manifests.name(deployment))
                    .allMatch(name -> environment.secret(name).isPresent());
        }
        for (ConfigMap configMap : manifests.all(ConfigMap.class)) {
            assertThat(configMap.getData().keySet()).as("ConfigMap %s holds a secret", Manifests.name(configMap))
                    .noneMatch(key -> SECRET_NAME.matcher(key).matches());
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceNamesItsOwnDatabase(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        for (ServiceModule module : ServiceModule.all()) {
            Environment environment = Environment.of(manifests, manifests.deployment(module.name()));

            assertThat(environment.configMapValue("MOA_DB_NAME")).as(module.name()).contains(module.database());
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void membershipSignsTokensWithAKeyMountedFromASecret(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        Deployment membership = manifests.deployment("membership");
        String location = Environment.of(manifests, membership).configMapValue("MOA_JWT_SIGN_KEY_LOCATION")
                .orElseThrow(() -> new AssertionError("no MOA_JWT_SIGN_KEY_LOCATION in a ConfigMap"));
        Container container = membership.getSpec().getTemplate().getSpec().getContainers().get(0);

        List<String> secretVolumes = membership.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(volume -> volume.getSecret() != null).map(Volume::getName).toList();
        assertThat(container.getVolumeMounts()).as("a Secret mounted where %s lies", location)
                .anyMatch(mount -> secretVolumes.contains(mount.getName())
                        && location.startsWith(mount.getMountPath() + "/"));
    }
}
