package dev.spout.engine.topic;

import dev.spout.engine.auth.Access;
import dev.spout.sse.SseEncoder;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

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
     * @param filter which events of its one topic the stream sends, by their labels; null for every event
     * @param lastEventId where the stream resumes, in place of the request's {@code Last-Event-ID} header (for a
     *     protocol that also takes it in the query, as Mercure does: its handler decides which comes first); {@code
     *     ""} for the topic's beginning, as far back as the broker keeps it; null for the header, or without one the
     *     topic's usual start
     * @param headers response headers the stream is answered with besides its own (a protocol's, such as Mercure's
     *     {@code Mercure-Last-Event-ID}); the stream's own ({@code Content-Type}, {@code Cache-Control}) cannot be
     *     replaced
     */
    record Topics(
            List<Topic> topics,
            boolean typeIsTopic,
            @Nullable EventFilter filter,
            @Nullable String lastEventId,
            Map<String, String> headers)
            implements Subscription {
        public Topics {
            topics = List.copyOf(topics);
            headers = Map.copyOf(headers);
            if (topics.isEmpty()) {
                throw new IllegalArgumentException("A subscription needs at least one topic");
            }
            if (filter != null && (topics.size() > 1 || typeIsTopic)) {
                throw new IllegalArgumentException(
                        "A filter applies to a subscription of one topic, its events keeping their own types");
            }
            if (lastEventId != null && (lastEventId.indexOf('\r') >= 0 || lastEventId.indexOf('\n') >= 0)) {
                throw new IllegalArgumentException("A last event id is one line");
            }
            if (topics.stream().map(Topic::name).distinct().count() != topics.size()) {
                throw new IllegalArgumentException("A subscription names a topic twice: " + topics);
            }
            if (typeIsTopic) {
                topics.forEach(topic -> SseEncoder.eventLine(topic.name())); // a name that can be an event's type
            }
        }

        /** Topics of events of their own types, every event sent, resumed from the request's header. */
        public Topics(List<Topic> topics, boolean typeIsTopic) {
            this(topics, typeIsTopic, null, null, Map.of());
        }

        /** The same topics, each event typed by the name of its topic. */
        public Topics typedByTopic() {
            return new Topics(topics, true, filter, lastEventId, headers);
        }

        /**
         * The same topic, the stream sending only the events the filter accepts.
         *
         * @throws IllegalArgumentException if there are several topics, or their events are typed by topic
         */
        public Topics filtered(EventFilter filter) {
            return new Topics(topics, typeIsTopic, Objects.requireNonNull(filter, "filter"), lastEventId, headers);
        }

        /**
         * The same topics, resumed after {@code lastEventId} whatever the request's {@code Last-Event-ID} header
         * says; {@code ""} starts at the topic's beginning, null goes back to the header.
         */
        public Topics resumingAfter(@Nullable String lastEventId) {
            return new Topics(topics, typeIsTopic, filter, lastEventId, headers);
        }

        /**
         * The same topics, the stream answered with this header too.
         *
         * @throws IllegalArgumentException if it is not a header name, its value holds CR or LF, or it is one of the
         *     stream's own headers
         */
        public Topics withHeader(String name, String value) {
            if (name.isEmpty()
                    || !name.chars().allMatch(c -> c > 32 && c < 127 && "()<>@,;:\\\"/[]?={}".indexOf(c) < 0)) {
                throw new IllegalArgumentException("Not a header name: " + name);
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("A header value must not contain CR or LF: " + name);
            }
            if (OWN_HEADERS.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                throw new IllegalArgumentException("The stream sets " + name + " itself");
            }
            var more = new java.util.LinkedHashMap<>(headers);
            more.put(name, value);
            return new Topics(topics, typeIsTopic, filter, lastEventId, more);
        }

        private static final java.util.Set<String> OWN_HEADERS = java.util.Set.of(
                "content-type",
                "cache-control",
                "x-accel-buffering",
                "content-length",
                "transfer-encoding",
                "connection");
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
