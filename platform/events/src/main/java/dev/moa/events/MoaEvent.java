package dev.moa.events;

/**
 * An event or command record that crosses a service line. It leaves its service through the outbox as a CloudEvent:
 * {@code type} = {@link #eventType()} ({@code dev.moa.<service>.<Event>}), {@code subject} and Kafka record key =
 * {@link #subject()}, the record itself as the JSON data. Records add fields, never rename or remove them; the JSON
 * form of each is pinned by a test in this module.
 */
public interface MoaEvent {

    /** The CloudEvents type, {@code dev.moa.<service>.<Event>}. */
    String eventType();

    /** The aggregate the event is about: the CloudEvents subject and the Kafka record key. */
    String subject();
}
