package dev.moa.events.money;

import dev.moa.events.MoaEvent;

import java.util.UUID;

/**
 * An event of a group's dues, about one member and one month ({@code period}, {@code yyyy-MM} in Asia/Seoul). The
 * subject is the group, so a group's dues events stay in order.
 */
public interface DuesEvent extends MoaEvent {

    UUID groupId();

    UUID memberId();

    String period();

    @Override
    default String subject() {
        return groupId().toString();
    }
}
