package dev.moa.notifications.stream;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

import static org.awaitility.Awaitility.await;

/** A real SSE client over HTTP that keeps every line it receives until it is closed. */
final class SseClient implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile Flow.Subscription subscription;

    private SseClient() {
    }

    static SseClient open(URI uri, String token) {
        SseClient client = new SseClient();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build();
        HttpClient.newHttpClient().sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(client.collector()));
        return client;
    }

    /** Waits until the server has registered this stream (its first event). */
    SseClient awaitReady() {
        await().atMost(Duration.ofSeconds(20)).until(() -> lines.contains("event:ready"));
        return this;
    }

    boolean received(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }

    List<String> lines() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        if (subscription != null) {
            subscription.cancel();
        }
    }

    private Flow.Subscriber<String> collector() {
        return new Flow.Subscriber<>() {
            @Override
            public void onSubscribe(Flow.Subscription s) {
                subscription = s;
                s.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(String line) {
                lines.add(line);
            }

            @Override
            public void onError(Throwable failure) {
                lines.add("!error " + failure);
            }

            @Override
            public void onComplete() {
                lines.add("!complete");
            }
        };
    }
}
