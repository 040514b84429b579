package dev.spout.mercure.internal;

import dev.spout.engine.HttpStatusException;
import dev.spout.engine.topic.Topic;
import dev.spout.mercure.SubscriptionsAnswer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The subscriptions API's answers, computed: authorized as subscribing is (the path itself, as a topic, must be
 * granted {@code subscribe}: {@code 403} otherwise), {@code 400} for a match type the protocol does not define,
 * {@code 404} for a subscription not open on this node.
 *
 * <pre>{@code
 * SubscriptionsAnswer answer = SubscriptionsApi.answer(subscriptions, log, grants, null, null, null);
 * }</pre>
 */
final class SubscriptionsApi {
    private SubscriptionsApi() {}

    static SubscriptionsAnswer answer(
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
