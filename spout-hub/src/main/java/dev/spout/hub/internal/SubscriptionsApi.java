package dev.spout.hub.internal;

import dev.spout.engine.HttpStatusException;
import dev.spout.engine.auth.ClientRequest;
import dev.spout.engine.topic.Topic;
import dev.spout.server.http.HttpRequest;
import dev.spout.server.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Mercure's subscriptions API: {@code GET /.well-known/mercure/subscriptions} (every subscription open on this node),
 * {@code …/{match_type}/{match}} (those of one selector), {@code …/{match_type}/{match}/{subscriber}} (one, or
 * {@code 404}). Authorized as subscribing is: the path itself, as a topic, must be granted {@code subscribe}
 * ({@code 401} without a token where one is needed, {@code 403} if not granted). The {@code Link} header's {@code
 * last-event-id} is the log's newest id, from which a client that then subscribes to the subscription events misses
 * no change.
 *
 * <pre>{@code
 * app.get(ActiveSubscriptions.PREFIX, api::list);
 * }</pre>
 */
final class SubscriptionsApi {
    private final ActiveSubscriptions subscriptions;
    private final Topic log;
    private final Function<ClientRequest, Grants> grants;

    SubscriptionsApi(ActiveSubscriptions subscriptions, Topic log, Function<ClientRequest, Grants> grants) {
        this.subscriptions = subscriptions;
        this.log = log;
        this.grants = grants;
    }

    HttpResponse list(HttpRequest request) {
        String path = authorized(request);
        String type = request.pathParameter("matchType").orElse(null);
        String match = request.pathParameter("match").orElse(null);
        if (type != null && !List.of("exact", "urlpattern").contains(type)) {
            throw new HttpStatusException(400, "A match type is exact or urlpattern, not " + type);
        }
        List<Map<String, Object>> found = subscriptions.all().stream()
                .filter(s -> type == null || (type.equals(s.get("match_type")) && match.equals(s.get("match"))))
                .toList();
        var body = new LinkedHashMap<String, Object>();
        body.put("id", path);
        body.put("type", "subscriptions");
        body.put("subscriptions", found);
        return answer(HttpResponse.json(body));
    }

    HttpResponse one(HttpRequest request) {
        String path = authorized(request);
        return subscriptions.all().stream()
                .filter(s -> path.equals(s.get("id")))
                .findFirst()
                .map(s -> answer(HttpResponse.json(s)))
                .orElseThrow(() -> new HttpStatusException(404, "No such subscription open on this node"));
    }

    /** The request's path in the form subscription topics have (each part escaped once), once it is granted. */
    private String authorized(HttpRequest request) {
        var path = new StringBuilder(ActiveSubscriptions.PREFIX);
        for (String part : List.of("matchType", "match", "subscriber")) {
            request.pathParameter(part).ifPresent(value -> path.append('/').append(ActiveSubscriptions.escape(value)));
        }
        String topic = path.toString();
        if (!grants.apply(request).maySubscribe(List.of(topic))) {
            throw Challenges.insufficient("subscribe on " + topic);
        }
        return topic;
    }

    private HttpResponse answer(HttpResponse response) {
        String cursor = log.newestId().orElse(SubscribeQuery.EARLIEST);
        return response.withHeader(
                        "Link",
                        "<" + Hub.PATH + ">; rel=\"mercure\"; last-event-id=\""
                                + cursor.replace("\\", "\\\\").replace("\"", "\\\"") + "\"")
                .withHeader("Cache-Control", "must-revalidate");
    }
}
