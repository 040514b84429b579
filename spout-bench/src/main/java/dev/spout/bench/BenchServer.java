package dev.spout.bench;

import dev.spout.server.Spout;
import dev.spout.server.Topic;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Spout's bench server, with the contract any harness can drive: {@code server --port P --rate R --size S}. GET
 * {@code /sse} streams one topic with Spout's default engine settings (history, replay by Last-Event-ID,
 * heartbeats, slow-client bound); {@code POST /publish} publishes its body as one event's data and answers with
 * its id ({@code 503} if the broker cannot take it); {@code --rate 0} turns the built-in publisher off; {@code
 * --redis URI} uses Redis Streams, so bench servers on several ports form one cluster. Prints {@code ready} when
 * listening; stops on SIGTERM.
 */
final class BenchServer {
    private BenchServer() {}

    static void main(Args args) throws Exception {
        int port = args.integer("port", 8080);
        int rate = args.integer("rate", 0);
        int size = args.integer("size", 100);
        var app = Spout.create(options -> BrokerChoice.configure(options, args.string("redis", null)));
        Topic topic = app.topic("bench");
        app.sse("/sse", topic);
        app.jetty().setHandler(new PublishHandler(topic, app.jetty().getHandler()));
        app.start(port);

        Publisher publisher = null;
        if (rate > 0) {
            publisher = new Publisher(rate, size, topic::publish);
            Thread.ofPlatform().name("bench-publisher").daemon().start(publisher);
        }
        Publisher stopping = publisher;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (stopping != null) {
                stopping.stop();
            }
            app.close();
        }));
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join();
    }

    /** {@code POST /publish}: the body becomes one event's data. */
    private static final class PublishHandler extends Handler.Wrapper {
        private final Topic topic;

        PublishHandler(Topic topic, Handler next) {
            super(next);
            this.topic = topic;
        }

        @Override
        public boolean handle(Request request, Response response, Callback callback) throws Exception {
            if (!"/publish".equals(Request.getPathInContext(request))) {
                return super.handle(request, response, callback);
            }
            if (!"POST".equals(request.getMethod())) {
                Response.writeError(request, response, callback, 405);
                return true;
            }
            String body = org.eclipse.jetty.io.Content.Source.asString(request, StandardCharsets.UTF_8);
            String id;
            try {
                id = topic.publish(body);
            } catch (IllegalArgumentException bad) {
                Response.writeError(request, response, callback, 400, bad.getMessage());
                return true;
            } catch (RuntimeException brokerDown) { // Redis unreachable: the publish failed, and says so
                Response.writeError(request, response, callback, 503, "Publishing failed: " + brokerDown.getMessage());
                return true;
            }
            response.getHeaders().put("Content-Type", "text/plain;charset=utf-8");
            org.eclipse.jetty.io.Content.Sink.write(response, true, id, callback);
            return true;
        }
    }
}
