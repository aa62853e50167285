package dev.moa.payment.money;

import io.smallrye.reactive.messaging.ce.IncomingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import org.eclipse.microprofile.reactive.messaging.Message;

import java.nio.charset.StandardCharsets;

/** The CloudEvents type of an incoming Kafka message (binary mode: metadata, or the {@code ce_type} header). */
public final class CloudEvents {

    private CloudEvents() {
    }

    public static String type(Message<?> message) {
        return message.getMetadata(IncomingCloudEventMetadata.class).map(IncomingCloudEventMetadata::getType)
                .orElseGet(() -> message.getMetadata(IncomingKafkaRecordMetadata.class)
                        .map(kafka -> kafka.getHeaders().lastHeader("ce_type"))
                        .map(header -> new String(header.value(), StandardCharsets.UTF_8))
                        .orElse(null));
    }
}
