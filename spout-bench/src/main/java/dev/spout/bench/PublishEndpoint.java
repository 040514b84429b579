package dev.spout.bench;

import dev.spout.engine.HttpStatusException;
import dev.spout.engine.stream.EventTooLargeException;
import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.server.http.HttpRequest;
import dev.spout.server.http.HttpResponse;
import dev.spout.sse.SseEvent;
import java.util.List;

/**
 * {@code POST /publish[?topic=tK...]}: the body, as one event, to those topics (t0 without any), answered with its
 * id. A Spout plain endpoint, as any application would write it: the bounds on the body (1 MiB, 413), its UTF-8 (400)
 * and the method (405) are the endpoint's; the event's own bound (256 KiB) is the topics'. With an {@code
 * Idempotency-Key} header (the IETF draft's name) it publishes once per key within the broker's window: a retry after
 * a {@code 503} or a lost answer is answered {@code 200} with the first publish's id, and publishes nothing.
 *
 * <pre>{@code
 * curl -d 'placed' -H 'Idempotency-Key: order-42' http://127.0.0.1:8081/publish   # 1700000000000-0
 * curl -d 'placed' -H 'Idempotency-Key: order-42' http://127.0.0.1:8081/publish   # 1700000000000-0 again
 * }</pre>
 */
final class PublishEndpoint {
    private PublishEndpoint() {}

    static void define(Spout app, BenchTopics known) {
        app.post("/publish", request -> publish(app, known, request));
    }

    private static HttpResponse publish(Spout app, BenchTopics known, HttpRequest request) {
        List<Topic> to;
        try {
            to = known.named(request.queryParameters("topic"));
        } catch (BenchTopics.UnknownTopicException unknown) {
            throw new HttpStatusException(400, unknown.getMessage());
        }
        String data = request.text();
        String key = request.header("Idempotency-Key").orElse(null);
        try {
            SseEvent event = SseEvent.of(data);
            return HttpResponse.text(key == null ? app.publish(event, to) : app.publishOnce(key, event, to));
        } catch (EventTooLargeException tooLarge) {
            throw new HttpStatusException(413, tooLarge.getMessage(), tooLarge);
        } catch (IllegalArgumentException bad) {
            throw new HttpStatusException(400, bad.getMessage(), bad);
        } catch (
                RuntimeException brokerDown) { // Redis unreachable or late: it may have been written (retry with a key)
            throw new HttpStatusException(503, "Publishing failed: " + brokerDown.getMessage(), brokerDown);
        }
    }
}
