package dev.spout.mercure.internal;

import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.topic.Topic;
import dev.spout.sse.SseEvent;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mercure's active subscriptions: when a subscriber's stream opens, one private update per selector it asked for
 * ({@code active: true}), and another when it ends ({@code active: false}), to the topic {@code
 * /.well-known/mercure/subscriptions/{match_type}/{match}/{subscriber}} (0.x's selectors:
 * {@code /subscriptions/{topic}/{subscriber}}), of type {@code mercure}; and the subscriptions open now, which the
 * subscriptions API lists. This node's only: every node publishes its subscribers' events to the shared log, so
 * subscribers to the events see every node's, while the API lists the subscriptions of the node asked.
 *
 * <pre>{@code
 * var presence = subscriptions.presence(subscriber, asked, grants);
 * }</pre>
 */
final class ActiveSubscriptions {
    static final String PREFIX = Hub.PATH + "/subscriptions";

    private static final Logger LOG = Logs.logger(ActiveSubscriptions.class);
    private static final JsonMapper JSON = JsonMapper.shared();

    private final Topic log;
    private final Map<String, List<Map<String, Object>>> open = new ConcurrentHashMap<>();

    ActiveSubscriptions(Topic log) {
        this.log = log;
    }

    /** One subscriber's announcements, made when its stream opens and ends (whatever order the engine tells them). */
    Presence presence(String subscriber, List<SubscribeQuery.Asked> asked, Grants grants) {
        List<Map<String, Object>> documents = new ArrayList<>(asked.size());
        for (SubscribeQuery.Asked selector : asked) {
            documents.add(document(subscriber, selector, grants.payloadFor(selector.match())));
        }
        return new Presence(subscriber, List.copyOf(documents));
    }

    /** The subscriptions open now on this node, in no particular order. */
    List<Map<String, Object>> all() {
        List<Map<String, Object>> all = new ArrayList<>();
        open.values().forEach(all::addAll);
        return all;
    }

    /** The topic of a subscription's events (its {@code id}), each part escaped once, whole. */
    static String topic(String subscriber, SubscribeQuery.Asked selector) {
        return selector.matchType().equals("topic")
                ? PREFIX + "/" + escape(selector.match()) + "/" + escape(subscriber)
                : PREFIX + "/" + selector.matchType() + "/" + escape(selector.match()) + "/" + escape(subscriber);
    }

    /** Every character but letters, digits and {@code -._~} as %XX of its UTF-8 bytes (RFC 3986's unreserved kept). */
    static String escape(String part) {
        return URLEncoder.encode(part, StandardCharsets.UTF_8)
                .replace("+", "%20")
                .replace("*", "%2A")
                .replace("%7E", "~");
    }

    private static Map<String, Object> document(
            String subscriber, SubscribeQuery.Asked selector, @Nullable Map<String, Object> payload) {
        var document = new LinkedHashMap<String, Object>();
        document.put("id", topic(subscriber, selector));
        document.put("type", "subscription");
        document.put("subscriber", subscriber);
        if (selector.matchType().equals("topic")) {
            document.put("topic", selector.match());
        } else {
            document.put("match", selector.match());
            document.put("match_type", selector.matchType());
        }
        document.put("active", true);
        if (payload != null) {
            document.put("payload", payload);
        }
        return document;
    }

    /** One subscriber's side: opened, then closed, each at most once, whatever order the engine tells them in. */
    final class Presence {
        private final String subscriber;
        private final List<Map<String, Object>> documents;
        private boolean opened;
        private boolean closed;

        private Presence(String subscriber, List<Map<String, Object>> documents) {
            this.subscriber = subscriber;
            this.documents = documents;
        }

        synchronized void opened() {
            if (closed || opened) {
                return;
            }
            opened = true;
            open.put(subscriber, documents);
            announce(true);
        }

        synchronized void closed() {
            if (closed) {
                return;
            }
            closed = true;
            if (opened) {
                open.remove(subscriber);
                announce(false);
            }
        }

        /** Published without waiting (under this subscriber's lock only, so its two events keep their order). */
        private void announce(boolean active) {
            for (Map<String, Object> document : documents) {
                var event = new LinkedHashMap<>(document);
                event.put("active", active);
                String topic = (String) document.get("id");
                log.publishAsync(
                                SseEvent.of(JSON.writeValueAsString(event)).withEvent("mercure"),
                                List.of(UpdateLabels.PRIVATE, topic))
                        .exceptionally(failed -> {
                            LOG.warn("The subscription event {} ({}) was not published", topic, active, failed);
                            return null;
                        });
            }
        }
    }
}
