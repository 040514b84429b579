package dev.spout.docs;

// snippet:http
import dev.spout.engine.auth.Authorizer;
import dev.spout.server.Spout;
import dev.spout.server.http.HttpResponse;
import dev.spout.server.http.StaticFiles;
import dev.spout.sse.SseEvent;
import java.util.Map;
// snippet:end

final class HttpEndpoints {
    record Order(String item, int count) {}

    private static final Map<String, Order> orders = new java.util.concurrent.ConcurrentHashMap<>();

    private HttpEndpoints() {}

    static void define(Spout app) {
        // snippet:http
        app.post(
                "/orders",
                Authorizer.requireUser(),
                request -> { // any method: app.route("PUT", path, ...)
                    Order order = request.json(Order.class); // Jackson; 400 with the reason if it is not one
                    String id = app.topic("orders").publish(SseEvent.of(request.text()));
                    orders.put(id, order);
                    return HttpResponse.json(Map.of("id", id)).withStatus(201);
                });
        app.get(
                "/orders/{id}",
                request ->
                        HttpResponse.json(orders.get(request.pathParameter("id").orElseThrow())));
        app.staticFiles("/assets", StaticFiles.classpath("static")); // ETag, 304, Cache-Control; or a directory
        // snippet:end
    }
}
