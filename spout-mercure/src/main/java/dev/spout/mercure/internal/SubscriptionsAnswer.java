package dev.spout.mercure.internal;

import dev.spout.engine.HttpStatusException;
import dev.spout.engine.topic.Topic;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An answer of Mercure's subscriptions API, for any host to write as JSON: {@code GET
 * /.well-known/mercure/subscriptions} (every subscription open on this node), {@code …/{match_type}/{match}} (those of
 * one selector), {@code …/{match_type}/{match}/{subscriber}} (one, or {@code 404}). Authorized as subscribing is: the
 * path itself, as a topic, must be granted {@code subscribe}. The {@code Link} header's {@code last-event-id} is the
 * log's newest id, from which a client that then subscribes to the subscription events misses no change.
 *
 * <pre>{@code
 * SubscriptionsAnswer answer = hub.subscriptions(request, null, null, null);
 * }</pre>
 *
 * @param body the JSON document
 * @param headers the headers to answer with ({@code Link}, {@code Cache-Control})
 */
public record SubscriptionsAnswer(Map<String, Object> body, Map<String, String> headers) {

    static SubscriptionsAnswer of(
            ActiveSubscriptions subscriptions,
            Topic log,
            Grants grants,
            @Nullable String matchType,
            @Nullable String match,
            @Nullable String subscriber) {
        if (matchType != null && !List.of("exact", "urlpattern").contains(matchType)) {
            throw new HttpStatusException(400, "A match type is exact or urlpattern, not " + matchType);
        }
        var path = new StringBuilder(ActiveSubscriptions.PREFIX);
        for (String part : new String[] {matchType, match, subscriber}) {
            if (part != null) {
                path.append('/').append(ActiveSubscriptions.escape(part));
            }
        }
        String topic = path.toString();
        if (!grants.maySubscribe(List.of(topic))) {
            throw Challenges.insufficient("subscribe on " + topic);
        }
        String cursor = log.newestId().orElse(SubscribeQuery.EARLIEST);
        Map<String, String> headers = Map.of(
                "Link",
                "<" + Hub.PATH + ">; rel=\"mercure\"; last-event-id=\""
                        + cursor.replace("\\", "\\\\").replace("\"", "\\\"") + "\"",
                "Cache-Control",
                "must-revalidate");
        if (subscriber != null) {
            return subscriptions.all().stream()
                    .filter(s -> topic.equals(s.get("id")))
                    .findFirst()
                    .map(s -> new SubscriptionsAnswer(s, headers))
                    .orElseThrow(() -> new HttpStatusException(404, "No such subscription open on this node"));
        }
        List<Map<String, Object>> found = subscriptions.all().stream()
                .filter(s ->
                        matchType == null || (matchType.equals(s.get("match_type")) && match.equals(s.get("match"))))
                .toList();
        var body = new LinkedHashMap<String, Object>();
        body.put("id", topic);
        body.put("type", "subscriptions");
        body.put("subscriptions", found);
        return new SubscriptionsAnswer(body, headers);
    }
}
