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
 * The benchmark job on Vert.x 5, written by hand (Vert.x has no SSE API) the way Vert.x scales: one verticle
 * instance per core, each with its own HTTP server on the shared port (Vert.x spreads connections over them) and its
 * clients on its own event loop; each event is encoded once per loop into a buffer and written to every response
 * there, never blocking.
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
        int port = args.integer("port", 8080);
        var instances = new java.util.concurrent.CopyOnWriteArrayList<VertxPeer>();
        vertx.deployVerticle(
                        () -> {
                            var peer = new VertxPeer(port);
                            instances.add(peer);
                            return peer;
                        },
                        new io.vertx.core.DeploymentOptions()
                                .setInstances(Runtime.getRuntime().availableProcessors()))
                .toCompletionStage()
                .toCompletableFuture()
                .join();
        Publisher.start(args, (id, data) -> {
            for (VertxPeer peer : instances) {
                peer.publish(id, data);
            }
        });
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
