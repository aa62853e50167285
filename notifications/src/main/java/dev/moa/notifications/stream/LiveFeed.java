package dev.moa.notifications.stream;

import dev.moa.notifications.NotificationsConfig;
import dev.moa.notifications.feed.Feed;
import dev.moa.notifications.feed.NotificationView;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.pgclient.PgConnectOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Optional;
import java.util.UUID;

/**
 * Feeds the live streams of this instance from PostgreSQL: every committed feed row (new, or coalesced) sends
 * {@code NOTIFY moa_notifications '<member> <notification>'}; every instance listens, and the one holding that
 * member's streams loads the row and sends it. A notification reaches the streams only after its commit, from
 * whichever instance wrote it.
 */
@ApplicationScoped
public class LiveFeed {

    static final String CHANNEL = "moa_notifications";

    private final Feed feed;
    private final Vertx vertx;
    private final MemberStreams<StreamItem> streams;
    private final String databaseUrl;
    private final Optional<String> databaseUser;
    private final Optional<String> databasePassword;
    private PgSubscriber subscriber;

    /** What a stream carries: the greeting once, then notifications. */
    public record StreamItem(NotificationView notification) {
        static final StreamItem READY = new StreamItem(null);
    }

    public LiveFeed(Feed feed, Vertx vertx, NotificationsConfig config, MeterRegistry meters,
                    @ConfigProperty(name = "quarkus.datasource.reactive.url") String databaseUrl,
                    @ConfigProperty(name = "quarkus.datasource.username") Optional<String> databaseUser,
                    @ConfigProperty(name = "quarkus.datasource.password") Optional<String> databasePassword) {
        this.feed = feed;
        this.vertx = vertx;
        this.streams = new MemberStreams<>(config.stream().buffer(), config.stream().maxPerMember(),
                config.stream().maxTotal());
        this.databaseUrl = databaseUrl;
        this.databaseUser = databaseUser;
        this.databasePassword = databasePassword;
        Gauge.builder("moa.notifications.streams.open", streams, MemberStreams::open)
                .description("Live notification streams open on this instance").register(meters);
        Gauge.builder("moa.notifications.streams.dropped", streams, MemberStreams::dropped)
                .description("Live streams dropped because their client fell behind").register(meters);
    }

    /** The member's live stream, starting with {@link StreamItem#READY}. */
    public Multi<StreamItem> open(UUID member) {
        return streams.open(member, StreamItem.READY);
    }

    void onStart(@Observes StartupEvent event) {
        PgConnectOptions options = PgConnectOptions.fromUri(databaseUrl);
        databaseUser.ifPresent(options::setUser);
        databasePassword.ifPresent(options::setPassword);
        subscriber = PgSubscriber.subscriber(vertx, options)
                .reconnectPolicy(attempt -> Math.min(10_000L, 200L * (attempt + 1)));
        subscriber.channel(CHANNEL).handler(this::changed);
        subscriber.connect().subscribe().with(
                connected -> Log.debug("live feed listening"),
                failure -> Log.warnf("live feed cannot LISTEN, streams get nothing until it can: %s",
                        failure.getMessage()));
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.closeAndForget();
        }
    }

    private void changed(String payload) {
        String[] ids = payload.split(" ");
        UUID member;
        UUID notification;
        try {
            member = UUID.fromString(ids[0]);
            notification = UUID.fromString(ids[ids.length - 1]);
        } catch (IllegalArgumentException e) {
            Log.debugf("live feed ignores a notification it cannot read: %s", payload);
            return;
        }
        if (!streams.watched(member)) {
            return;
        }
        feed.find(member, notification).subscribe().with(
                view -> {
                    if (view != null) {
                        streams.publish(member, new StreamItem(view));
                    }
                },
                failure -> Log.warnf("live feed could not load a notification: %s", failure.getMessage()));
    }
}
