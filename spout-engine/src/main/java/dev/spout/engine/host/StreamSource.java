package dev.spout.engine.host;

import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.stream.SseHandler;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.SubscriptionHandler;
import dev.spout.engine.topic.Topic;
import java.util.Objects;

/**
 * What a stream follows, whatever hosts it: one topic, the topics a subscription names (chosen by the application
 * beforehand, or per request by a handler), or a handler that writes to the client alone. The engine admits a
 * request for it ({@link EngineHost#admit}) and starts it.
 *
 * <pre>{@code
 * StreamSource news = StreamSource.topic(engine.topic("news"));
 * StreamSource mine = StreamSource.chosenBy(request -> Subscription.to(engine.topic("user/" + request.user().orElseThrow())));
 * StreamSource clock = StreamSource.handler(Authorizer.allowAll(), sse -> { ... });
 * }</pre>
 */
public sealed interface StreamSource
        permits Sources.OneTopic, Sources.Chosen, Sources.ChosenPerRequest, Sources.Handler {

    /** The topic's events, from the request's {@code Last-Event-ID}; the topic's own authorizer decides. */
    static StreamSource topic(Topic topic) {
        return new Sources.OneTopic(Objects.requireNonNull(topic, "topic"));
    }

    /** The topics the application chose (or its refusal); every chosen topic's authorizer decides too. */
    static StreamSource subscription(Subscription subscription) {
        return new Sources.Chosen(Objects.requireNonNull(subscription, "subscription"));
    }

    /** The topics the handler chooses for each request (or its refusal); every chosen topic's authorizer too. */
    static StreamSource chosenBy(SubscriptionHandler handler) {
        return new Sources.ChosenPerRequest(Objects.requireNonNull(handler, "handler"));
    }

    /** A stream of the client's own, written by the handler on a virtual thread, for requests the authorizer admits. */
    static StreamSource handler(Authorizer authorizer, SseHandler handler) {
        return new Sources.Handler(
                Objects.requireNonNull(authorizer, "authorizer"), Objects.requireNonNull(handler, "handler"));
    }
}
