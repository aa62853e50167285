package dev.moa.notifications.stream;

import io.smallrye.mutiny.helpers.test.AssertSubscriber;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The streams' bounds, on the class alone: routing by member, bounded buffering, limits. */
class MemberStreamsTest {

    @Test
    void itemsGoOnlyToTheirMembersStreams() {
        MemberStreams<String> streams = new MemberStreams<>(8, 5, 100);
        UUID alice = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        AssertSubscriber<String> aliceSees = streams.open(alice, "hello").subscribe()
                .withSubscriber(AssertSubscriber.create(10));
        AssertSubscriber<String> bobSees = streams.open(bob, "hello").subscribe()
                .withSubscriber(AssertSubscriber.create(10));

        streams.publish(alice, "for alice");
        streams.publish(bob, "for bob");

        assertThat(aliceSees.getItems()).containsExactly("hello", "for alice");
        assertThat(bobSees.getItems()).containsExactly("hello", "for bob");
    }

    @Test
    void aClientThatFallsBehindByMoreThanTheBufferIsDroppedAndForgotten() {
        MemberStreams<String> streams = new MemberStreams<>(4, 5, 100);
        UUID member = UUID.randomUUID();
        AssertSubscriber<String> slow = streams.open(member, "hello").subscribe()
                .withSubscriber(AssertSubscriber.create(0));

        for (int i = 0; i < 3; i++) {
            streams.publish(member, "item " + i);
        }
        // The greeting and three items fill the buffer of four.
        slow.assertNotTerminated();
        streams.publish(member, "one too many");

        slow.assertFailedWith(BackPressureFailure.class);
        assertThat(streams.watched(member)).isFalse();
        assertThat(streams.open()).isZero();
        assertThat(streams.dropped()).isEqualTo(1);
    }

    @Test
    void streamsAreLimitedPerMemberAndFreedWhenClosed() {
        MemberStreams<String> streams = new MemberStreams<>(4, 2, 3);
        UUID member = UUID.randomUUID();
        AssertSubscriber<String> first = streams.open(member, "hi").subscribe().withSubscriber(AssertSubscriber.create(1));
        streams.open(member, "hi").subscribe().withSubscriber(AssertSubscriber.create(1));

        assertThatThrownBy(() -> streams.open(member, "hi")).isInstanceOf(MemberStreams.TooManyStreams.class);
        streams.open(UUID.randomUUID(), "hi").subscribe().withSubscriber(AssertSubscriber.create(1));
        assertThatThrownBy(() -> streams.open(UUID.randomUUID(), "hi"))
                .isInstanceOf(MemberStreams.TooManyStreams.class);

        first.cancel();
        streams.open(member, "hi").subscribe().withSubscriber(AssertSubscriber.create(1)).assertItems("hi");
    }
}
