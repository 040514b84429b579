package dev.spout.bench.vertx;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.Publisher;
import io.vertx.core.AbstractVerticle;
import io.vertx.core.Context;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;
import java.util.HashSet;
import java.util.Set;

/**
 * The benchmark job on Vert.x 5, written by hand (Vert.x has no SSE API): chunked responses kept in a set on the
 * server's event loop; each event is encoded once into a buffer and written to every response there.
 */
public final class VertxPeer extends AbstractVerticle {
    private final int port;
    private final Set<HttpServerResponse> clients = new HashSet<>();
    private volatile Context loop;

    private VertxPeer(int port) {
        this.port = port;
    }

    public static void main(String[] argv) {
        Args args = Args.options(argv);
        Vertx vertx = Vertx.vertx();
        var peer = new VertxPeer(args.integer("port", 8080));
        vertx.deployVerticle(peer).toCompletionStage().toCompletableFuture().join();
        Publisher.start(args, peer::publish);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> vertx.close().toCompletionStage().toCompletableFuture().join()));
        Publisher.ready();
    }

    @Override
    public void start(Promise<Void> started) {
        loop = context;
        vertx.createHttpServer()
                .requestHandler(request -> {
                    if (!"/sse".equals(request.path())) {
                        request.response().setStatusCode(404).end();
                        return;
                    }
                    HttpServerResponse response = request.response()
                            .setChunked(true)
                            .putHeader("Content-Type", "text/event-stream")
                            .putHeader("Cache-Control", "no-cache");
                    response.writeHead();
                    clients.add(response);
                    response.closeHandler(closed -> clients.remove(response));
                    response.exceptionHandler(failed -> clients.remove(response));
                })
                .listen(port)
                .<Void>mapEmpty()
                .onComplete(started);
    }

    private void publish(long id, String data) {
        Buffer event = Buffer.buffer("id: " + id + "\ndata: " + data + "\n\n");
        loop.runOnContext(ignored -> {
            for (HttpServerResponse client : clients) {
                client.write(event);
            }
        });
    }
}
