package dev.spout.bench.jetty;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.Publisher;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * The benchmark job on plain Jetty 12 core, written by hand as Jetty's own documentation suggests: each subscriber
 * has a queue and an {@link IteratingCallback} that writes one event at a time, non-blocking; each event is
 * encoded once and its buffer shared.
 */
public final class JettyPeer extends Handler.Abstract {
    private final Set<Subscriber> subscribers = ConcurrentHashMap.newKeySet();

    private JettyPeer() {}

    public static void main(String[] argv) throws Exception {
        Args args = Args.options(argv);
        var server = new Server();
        var connector = new ServerConnector(server);
        connector.setPort(args.integer("port", 8080));
        server.addConnector(connector);
        var peer = new JettyPeer();
        server.setHandler(peer);
        server.start();
        Publisher.start(args, peer::publish);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.stop();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }));
        Publisher.ready();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!"/sse".equals(Request.getPathInContext(request))) {
            return false;
        }
        response.getHeaders().put("Content-Type", "text/event-stream");
        response.getHeaders().put("Cache-Control", "no-cache");
        var subscriber = new Subscriber(response, callback);
        subscribers.add(subscriber);
        subscriber.queue.add(ByteBuffer.allocate(0)); // the headers go out at once
        subscriber.iterate();
        return true;
    }

    private void publish(long id, String data) {
        ByteBuffer event = ByteBuffer.wrap(("id: " + id + "\ndata: " + data + "\n\n").getBytes(StandardCharsets.UTF_8))
                .asReadOnlyBuffer();
        for (Subscriber subscriber : subscribers) {
            subscriber.queue.add(event.duplicate());
            subscriber.iterate();
        }
    }

    private final class Subscriber extends IteratingCallback {
        final Response response;
        final Callback done;
        final Queue<ByteBuffer> queue = new ConcurrentLinkedQueue<>();

        Subscriber(Response response, Callback done) {
            this.response = response;
            this.done = done;
        }

        @Override
        protected Action process() {
            ByteBuffer next = queue.poll();
            if (next == null) {
                return Action.IDLE;
            }
            response.write(false, next, this);
            return Action.SCHEDULED;
        }

        @Override
        protected void onCompleteFailure(Throwable cause) {
            subscribers.remove(this);
            done.failed(cause);
        }
    }
}
