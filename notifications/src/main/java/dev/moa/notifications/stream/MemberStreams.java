package dev.moa.notifications.stream;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.BackPressureFailure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The open live streams of this instance, by member. A member's items go to that member's streams only. Each stream
 * buffers at most {@code buffer} items its client has not taken yet; a client that falls further behind is dropped
 * (its stream fails and the connection closes), so one slow reader never holds memory for everyone. The number of
 * streams is bounded per member and per instance.
 */
public final class MemberStreams<T> {

    /** Thrown by {@link #open} when the member or the instance has as many streams as allowed. */
    public static final class TooManyStreams extends RuntimeException {
        TooManyStreams(String message) {
            super(message, null, false, false);
        }
    }

    private final int buffer;
    private final int maxPerMember;
    private final int maxTotal;
    private final Map<UUID, Set<MultiEmitter<? super T>>> streams = new ConcurrentHashMap<>();
    private final Map<UUID, Integer> perMember = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();
    private final AtomicInteger dropped = new AtomicInteger();

    public MemberStreams(int buffer, int maxPerMember, int maxTotal) {
        if (buffer < 1 || maxPerMember < 1 || maxTotal < 1) {
            throw new IllegalArgumentException("stream limits must be positive");
        }
        this.buffer = buffer;
        this.maxPerMember = maxPerMember;
        this.maxTotal = maxTotal;
    }

    /**
     * A stream of {@code member}'s items that starts with {@code greeting}, emitted once the stream is registered (a
     * client that has the greeting receives everything published after it).
     *
     * @throws TooManyStreams when the member or the instance is at its limit
     */
    public Multi<T> open(UUID member, T greeting) {
        reserve(member);
        return Multi.createFrom().<T>emitter(emitter -> {
            streams.computeIfAbsent(member, id -> ConcurrentHashMap.newKeySet()).add(emitter);
            emitter.onTermination(() -> release(member, emitter));
            emitter.emit(greeting);
        }, BackPressureStrategy.ERROR).onOverflow().buffer(buffer)
                .onFailure(BackPressureFailure.class).invoke(dropped::incrementAndGet);
    }

    /** Sends {@code item} to every open stream of {@code member}; returns how many streams got it. */
    public int publish(UUID member, T item) {
        Set<MultiEmitter<? super T>> open = streams.get(member);
        if (open == null) {
            return 0;
        }
        int sent = 0;
        for (MultiEmitter<? super T> emitter : open) {
            if (!emitter.isCancelled()) {
                emitter.emit(item);
                sent++;
            }
        }
        return sent;
    }

    public boolean watched(UUID member) {
        return streams.containsKey(member);
    }

    public int open() {
        return total.get();
    }

    /** Streams dropped because their client fell behind by more than the buffer. */
    public int dropped() {
        return dropped.get();
    }

    private void reserve(UUID member) {
        if (total.incrementAndGet() > maxTotal) {
            total.decrementAndGet();
            throw new TooManyStreams("this instance has " + maxTotal + " live streams open; try again shortly");
        }
        try {
            perMember.merge(member, 1, (count, one) -> {
                if (count >= maxPerMember) {
                    throw new TooManyStreams("at most " + maxPerMember + " live streams per member");
                }
                return count + one;
            });
        } catch (TooManyStreams e) {
            total.decrementAndGet();
            throw e;
        }
    }

    private void release(UUID member, MultiEmitter<? super T> emitter) {
        streams.computeIfPresent(member, (id, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
        perMember.computeIfPresent(member, (id, count) -> count <= 1 ? null : count - 1);
        total.decrementAndGet();
    }
}
