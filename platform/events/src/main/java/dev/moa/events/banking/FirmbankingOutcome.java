package dev.moa.events.banking;

import dev.moa.events.MoaEvent;

import java.util.UUID;

/** The answer to one {@link RequestFirmbanking}: its subject (and Kafka key) is the command id it answers. */
public interface FirmbankingOutcome extends MoaEvent {

    UUID commandId();

    @Override
    default String subject() {
        return commandId().toString();
    }
}
