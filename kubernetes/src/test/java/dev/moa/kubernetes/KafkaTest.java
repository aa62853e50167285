package dev.moa.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

/** Strimzi: a KRaft cluster on node pools, and a KafkaTopic for every topic the services name. */
class KafkaTest {

    static final List<String> OVERLAYS = Manifests.OVERLAYS;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicInTheServicesConfigurationHasAKafkaTopic(String overlay) {
        Set<String> configured = new TreeSet<>();
        ServiceModule.all().forEach(module -> configured.addAll(module.topics()));

        assertThat(configured).as("topics in the services' configuration").isNotEmpty()
                .isSubsetOf(topicNames(overlay));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyTopicOfTheEventsCatalogHasAKafkaTopic(String overlay) {
        assertThat(ServiceModule.eventTopics()).isSubsetOf(topicNames(overlay));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void everyKafkaTopicStatesItsPartitionsAndBelongsToTheCluster(String overlay) {
        String cluster = theKafka(overlay).getMetadata().getName();
        for (KafkaTopic topic : Manifests.of(overlay).all(KafkaTopic.class)) {
            assertThat(topic.getSpec().getPartitions()).as("%s partitions", Manifests.name(topic)).isPositive();
            assertThat(topic.getMetadata().getLabels()).as(Manifests.name(topic))
                    .containsEntry("strimzi.io/cluster", cluster);
        }
    }

    @Test
    void prodTopicsHaveThreeReplicasAndMinInsyncReplicasTwo() {
        for (KafkaTopic topic : Manifests.of("prod").all(KafkaTopic.class)) {
            assertThat(topic.getSpec().getReplicas()).as("%s replicas", Manifests.name(topic)).isEqualTo(3);
            assertThat(String.valueOf(topic.getSpec().getConfig().get("min.insync.replicas")))
                    .as("%s min.insync.replicas", Manifests.name(topic)).isEqualTo("2");
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void kafkaRunsInKraftModeOnNodePools(String overlay) {
        Kafka kafka = theKafka(overlay);
        List<KafkaNodePool> pools = Manifests.of(overlay).all(KafkaNodePool.class).stream()
                .filter(pool -> kafka.getMetadata().getName().equals(
                        pool.getMetadata().getLabels().get("strimzi.io/cluster"))).toList();

        assertThat(pools).flatExtracting(pool -> pool.getSpec().getRoles())
                .contains(ProcessRoles.CONTROLLER, ProcessRoles.BROKER);
    }

    @Test
    void prodKafkaHasThreeNodes() {
        assertThat(Manifests.of("prod").all(KafkaNodePool.class)).extracting(pool -> pool.getSpec().getReplicas())
                .containsOnly(3);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void servicesBootstrapFromTheClustersPlainListener(String overlay) {
        Kafka kafka = theKafka(overlay);
        GenericKafkaListener plain = kafka.getSpec().getKafka().getListeners().stream()
                .filter(listener -> !listener.isTls()).findFirst().orElseThrow();
        String bootstrap = kafka.getMetadata().getName() + "-kafka-bootstrap:" + plain.getPort();
        Manifests manifests = Manifests.of(overlay);

        for (ServiceModule module : ServiceModule.all()) {
            assertThat(Environment.of(manifests, manifests.deployment(module.name()))
                    .configMapValue("MOA_KAFKA_BOOTSTRAP_SERVERS")).as(module.name()).contains(bootstrap);
        }
    }

    private static Set<String> topicNames(String overlay) {
        Set<String> names = new TreeSet<>();
        for (KafkaTopic topic : Manifests.of(overlay).all(KafkaTopic.class)) {
            names.add(topic.getSpec().getTopicName() != null ? topic.getSpec().getTopicName()
                    : topic.getMetadata().getName());
        }
        return names;
    }

    private static Kafka theKafka(String overlay) {
        List<Kafka> clusters = Manifests.of(overlay).all(Kafka.class);
        assertThat(clusters).as("Kafka clusters of %s", overlay).hasSize(1);
        return clusters.get(0);
    }
}
