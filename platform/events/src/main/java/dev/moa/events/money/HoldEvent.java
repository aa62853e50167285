package dev.moa.events.money;

import dev.moa.events.MoaEvent;

import java.util.UUID;

/** An event about one hold; its subject (and Kafka key) is the hold id, so a hold's events stay in order. */
public interface HoldEvent extends MoaEvent {

    UUID holdId();

    @Override
    default String subject() {
        return holdId().toString();
    }
}
