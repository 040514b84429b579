package dev.spout.engine.topic;

import dev.spout.engine.auth.ClientRequest;

/**
 * Decides, for each request, what its stream follows: from the path's parameters, the query, the signed-in user,
 * a token. It runs on the request's virtual thread before any byte of the response, so it may look things up
 * (a database, a permission service); a refusal gets its status and no stream.
 *
 * <pre>{@code
 * app.subscribe("/docs/{doc}/sse", request -> {
 *     String doc = request.pathParameter("doc").orElseThrow();
 *     return permissions.canRead(request.user(), doc)
 *             ? Subscription.to(app.topic("doc/" + doc))
 *             : Subscription.refuse(Access.FORBIDDEN);
 * });
 * }</pre>
 */
@FunctionalInterface
public interface SubscriptionHandler {
    Subscription subscribe(ClientRequest request) throws Exception;
}
