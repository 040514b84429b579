package dev.spout.server.http;

import dev.spout.engine.HttpStatusException;

/**
 * Answers one request to a plain endpoint, on the request's own virtual thread (blocking is fine). Throwing {@link
 * HttpStatusException} answers with its status and message; any other exception is logged once, with the path, and
 * answered with {@code 500}.
 *
 * <pre>{@code
 * app.get("/items/{id}", request -> items.find(request.pathParameter("id").orElseThrow())
 *         .map(HttpResponse::json)
 *         .orElse(HttpResponse.status(404)));
 * }</pre>
 */
@FunctionalInterface
public interface HttpHandler {
    HttpResponse handle(HttpRequest request) throws Exception;
}
