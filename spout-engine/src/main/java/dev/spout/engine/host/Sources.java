package dev.spout.engine.host;

import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.stream.SseHandler;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.SubscriptionHandler;
import dev.spout.engine.topic.Topic;

/** The kinds of {@link StreamSource}: values, read only by the engine's admission. */
final class Sources {
    private Sources() {}

    record OneTopic(Topic topic) implements StreamSource {}

    record Chosen(Subscription subscription) implements StreamSource {}

    record ChosenPerRequest(SubscriptionHandler handler) implements StreamSource {}

    record Handler(Authorizer authorizer, SseHandler handler) implements StreamSource {}
}
