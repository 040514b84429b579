package dev.spout.engine.topic;

import dev.spout.engine.auth.Access;
import dev.spout.sse.SseEncoder;
import java.util.List;
import java.util.Objects;

/**
 * What one stream follows, as a {@link SubscriptionHandler} decides it for its request: one or several topics, or a
 * refusal. Several topics make one stream: each topic's order is kept, an event published to several of them
 * comes once, and a client that reconnects with its {@code Last-Event-ID} resumes every one of them exactly.
 *
 * <pre>{@code
 * app.subscribe("/users/{id}/events", request -> {
 *     String id = request.pathParameter("id").orElseThrow();
 *     if (!request.user().map(id::equals).orElse(false)) {
 *         return Subscription.refuse(Access.FORBIDDEN);            // 403, before any byte
 *     }
 *     return Subscription.to(app.topic("user/" + id), app.topic("announcements"));
 * });
 * }</pre>
 */
public sealed interface Subscription {

    /** The stream follows these topics (at least one; each also checked by its own authorizer). */
    static Topics to(Topic... topics) {
        return to(List.of(topics));
    }

    /** The stream follows these topics (at least one; each also checked by its own authorizer). */
    static Topics to(List<? extends Topic> topics) {
        return new Topics(List.copyOf(topics), false);
    }

    /** The request is refused with the access's status (401 or 403), and no stream opens. */
    static Subscription refuse(Access access) {
        return new Refused(access);
    }

    /**
     * Topics a stream follows.
     *
     * @param topics the topics, in no particular order
     * @param typeIsTopic whether each event goes out with its topic's name as its type ({@code event: <topic>}),
     *     so one {@code addEventListener} per topic tells them apart; otherwise events keep their own types
     */
    record Topics(List<Topic> topics, boolean typeIsTopic) implements Subscription {
        public Topics {
            topics = List.copyOf(topics);
            if (topics.isEmpty()) {
                throw new IllegalArgumentException("A subscription needs at least one topic");
            }
            if (topics.stream().map(Topic::name).distinct().count() != topics.size()) {
                throw new IllegalArgumentException("A subscription names a topic twice: " + topics);
            }
            if (typeIsTopic) {
                topics.forEach(topic -> SseEncoder.eventLine(topic.name())); // a name that can be an event's type
            }
        }

        /** The same topics, each event typed by the name of its topic. */
        public Topics typedByTopic() {
            return new Topics(topics, true);
        }
    }

    /**
     * A refusal.
     *
     * @param access the status to answer with: {@link Access#UNAUTHORIZED} or {@link Access#FORBIDDEN}
     */
    record Refused(Access access) implements Subscription {
        public Refused {
            Objects.requireNonNull(access, "access");
            if (access == Access.ALLOW) {
                throw new IllegalArgumentException("A refusal must be UNAUTHORIZED or FORBIDDEN");
            }
        }
    }
}
