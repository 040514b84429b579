package dev.spout.mercure;

import java.util.Map;

/**
 * An answer of Mercure's subscriptions API, for any host to write as JSON: {@code GET
 * /.well-known/mercure/subscriptions} (every subscription open on this node), {@code …/{match_type}/{match}} (those of
 * one selector), {@code …/{match_type}/{match}/{subscriber}} (one). The {@code Link} header's {@code last-event-id} is
 * the log's newest id, from which a client that then subscribes to the subscription events misses no change.
 *
 * <pre>{@code
 * SubscriptionsAnswer answer = mercure.subscriptions(request, null, null, null);
 * response.json(answer.body()); answer.headers().forEach(response::header);
 * }</pre>
 *
 * @param body the JSON document
 * @param headers the headers to answer with ({@code Link}, {@code Cache-Control})
 */
public record SubscriptionsAnswer(Map<String, Object> body, Map<String, String> headers) {
    public SubscriptionsAnswer {
        body = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(body));
        headers = Map.copyOf(headers);
    }
}
