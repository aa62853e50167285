package dev.moa.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** CloudNativePG holds a database per service, owned by the role the service logs in as; Redis keeps an AOF. */
class InfrastructureTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    /** PostgreSQL's superuser_reserved_connections (3) and the operator's own, with room to spare. */
    private static final int RESERVED_CONNECTIONS = 20;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyServiceDatabaseIsOwnedByTheRoleWhosePasswordTheServiceReads(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        CloudNativePg.Cluster cluster = thePostgresCluster(overlay);
        for (ServiceModule module : ServiceModule.all()) {
            Environment environment = Environment.of(manifests, manifests.deployment(module.name()));
            SecretKeySelector password = environment.secret("MOA_DB_PASSWORD")
                    .orElseThrow(() -> new AssertionError(module.name() + ": MOA_DB_PASSWORD not from a Secret"));
            CloudNativePg.Database database = manifests.all(CloudNativePg.Database.class).stream()
                    .filter(candidate -> candidate.spec().name().equals(module.database())).findFirst()
                    .orElseThrow(() -> new AssertionError("no CloudNativePG Database " + module.database()));

            assertThat(database.spec().cluster().name()).isEqualTo(cluster.metadata().getName());
            assertThat(cluster.spec().managed().roles()).as("role owning %s", module.database())
                    .filteredOn(role -> role.name().equals(database.spec().owner()))
                    .singleElement().satisfies(role -> {
                        assertThat(role.login()).isTrue();
                        assertThat(role.passwordSecret().name()).isEqualTo(password.getName());
                    });
            assertThat(environment.secret("MOA_DB_USER")).as("%s MOA_DB_USER", module.name()).get()
                    .extracting(SecretKeySelector::getName).isEqualTo(password.getName());
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesConnectToThePrimaryOfThePostgresCluster(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        String primary = thePostgresCluster(overlay).metadata().getName() + "-rw";
        for (ServiceModule module : ServiceModule.all()) {
            assertThat(Environment.of(manifests, manifests.deployment(module.name())).configMapValue("MOA_DB_HOST"))
                    .as(module.name()).contains(primary);
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void postgresAcceptsEveryConnectionTheServicesOpenAtTheirLargestScale(String overlay) {
        Manifests manifests = Manifests.of(overlay);
        int connections = 0;
        for (ServiceModule module : ServiceModule.all()) {
            Deployment deployment = manifests.deployment(module.name());
            Environment environment = Environment.of(manifests, deployment);
            int pods = manifests.all(HorizontalPodAutoscaler.class).stream()
                    .filter(hpa -> hpa.getSpec().getScaleTargetRef().getName().equals(module.name()))
                    .map(hpa -> hpa.getSpec().getMaxReplicas()).findFirst()
                    .orElse(deployment.getSpec().getReplicas());
            int reactive = Integer.parseInt(environment.configMapValue("MOA_DB_POOL_SIZE")
                    .orElse(module.property("quarkus.datasource.reactive.max-size")));
            int jdbc = Integer.parseInt(environment.configMapValue("QUARKUS_DATASOURCE_JDBC_MAX_SIZE")
                    .orElse(module.property("quarkus.datasource.jdbc.max-size")));
            connections += pods * (reactive + jdbc);
        }
        int maxConnections = Integer.parseInt(thePostgresCluster(overlay).spec().postgresql().parameters()
                .get("max_connections"));

        assertThat(connections + RESERVED_CONNECTIONS).as("connections at the largest scale, of %d", maxConnections)
                .isLessThanOrEqualTo(maxConnections);
    }

    @Test
    void prodBacksUpPostgresEveryNightToAnObjectStore() {
        CloudNativePg.Cluster cluster = thePostgresCluster("prod");

        assertThat(cluster.spec().instances()).isGreaterThanOrEqualTo(3);
        assertThat(cluster.spec().backup().barmanObjectStore().destinationPath()).isNotBlank();
        assertThat(Manifests.of("prod").all(CloudNativePg.ScheduledBackup.class)).singleElement().satisfies(backup -> {
            assertThat(backup.spec().cluster().name()).isEqualTo(cluster.metadata().getName());
            assertThat(backup.spec().schedule()).isNotBlank();
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void redisKeepsAnAppendOnlyFileOnAPersistentVolume(String overlay) {
        StatefulSet redis = Manifests.of(overlay).named(StatefulSet.class, "moa-redis")
                .orElseThrow(() -> new AssertionError("no Redis StatefulSet"));
        Container container = redis.getSpec().getTemplate().getSpec().getContainers().get(0);
        String configMap = redis.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(volume -> volume.getConfigMap() != null).findFirst().orElseThrow().getConfigMap().getName();
        ConfigMap config = Manifests.of(overlay).configMap(configMap);
        String claim = redis.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();

        assertThat(config.getData().get("redis.conf")).contains("appendonly yes").contains("dir /data");
        assertThat(container.getVolumeMounts()).anyMatch(mount -> mount.getName().equals(claim)
                && mount.getMountPath().equals("/data"));
    }

    private static CloudNativePg.Cluster thePostgresCluster(String overlay) {
        List<CloudNativePg.Cluster> clusters = Manifests.of(overlay).all(CloudNativePg.Cluster.class);
        assertThat(clusters).as("PostgreSQL clusters of %s", overlay).hasSize(1);
        return clusters.get(0);
    }
}
