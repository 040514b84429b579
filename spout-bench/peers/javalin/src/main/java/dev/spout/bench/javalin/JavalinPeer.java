package dev.spout.bench.javalin;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.Publisher;
import io.javalin.Javalin;
import io.javalin.http.sse.SseClient;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The benchmark job on Javalin 7, as its documentation shows SSE: keep the clients, send to each. */
public final class JavalinPeer {
    private JavalinPeer() {}

    public static void main(String[] argv) {
        Args args = Args.options(argv);
        Set<SseClient> clients = ConcurrentHashMap.newKeySet();
        Javalin app = Javalin.create(config -> config.routes.sse("/sse", client -> {
            client.keepAlive();
            client.onClose(() -> clients.remove(client));
            clients.add(client);
        }));
        app.start(args.integer("port", 8080));
        Publisher.start(args, (id, data) -> {
            String eventId = Long.toString(id);
            for (SseClient client : clients) {
                client.sendEvent("message", data, eventId);
            }
        });
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
        Publisher.ready();
    }
}
