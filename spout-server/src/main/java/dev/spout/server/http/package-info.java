/**
 * Plain HTTP endpoints beside pages and streams: any method, path parameters, bodies as text, form or JSON, answers
 * of any content type, and static files. What a service needs to {@code POST} an event to a Spout application
 * without a page session or a CSRF token.
 *
 * <pre>{@code
 * app.post("/events", Authorizer.requireUser(), request -> {
 *     Order order = request.json(Order.class);              // 400 with the reason if the body is not one
 *     String id = orders.publish(SseEvent.of(request.text()));
 *     return HttpResponse.json(Map.of("id", id)).withStatus(201);
 * });
 * app.staticFiles("/assets", StaticFiles.classpath("static"));
 * }</pre>
 */
@NullMarked
package dev.spout.server.http;

import org.jspecify.annotations.NullMarked;
