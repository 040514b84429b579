package dev.spout.bench;

import dev.spout.bench.common.Args;
import dev.spout.bench.common.Publisher;
import dev.spout.server.Spout;
import dev.spout.server.stream.EventTooLargeException;
import dev.spout.server.topic.Topic;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.io.Content;
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
 * listening; stops on SIGTERM. Also: GET {@code /loop}, a per-client handler that sends an event a second (the
 * seed's model), and {@code --h2-streams N}, the streams one HTTP/2 connection may carry.
 */
final class BenchServer {
    private BenchServer() {}

    static void main(Args args) throws Exception {
        Spout app = start(args);
        Runtime.getRuntime().addShutdownHook(new Thread(app::close));
        Publisher.ready();
        Thread.currentThread().join();
    }

    /** Starts the server and its publisher; the caller closes the application. */
    static Spout start(Args args) {
        int port = args.integer("port", 8080);
        int size = args.integer("size", 100);
        var app = Spout.create(options -> {
            BrokerChoice.configure(options, args.string("redis", null));
            options.http2MaxConcurrentStreams(args.integer("h2-streams", 1024));
        });
        Topic topic = app.topic("bench");
        app.sse("/sse", topic);
        // The seed's model, for the "loops" scenario: a handler per client, sending once a second.
        app.sse("/loop", sse -> {
            while (true) {
                java.time.Instant now = java.time.Instant.now();
                sse.send(Publisher.payload(now.getEpochSecond() * 1_000_000 + now.getNano() / 1000, size));
                Thread.sleep(1000);
            }
        });
        app.jetty().setHandler(new PublishHandler(topic, app.jetty().getHandler()));
        app.start(port);

        Publisher.start(args, (id, data) -> topic.publish(data));
        return app;
    }

    /**
     * {@code POST /publish}: the body becomes one event's data. A body that is not UTF-8 gets {@code 400}; one
     * bigger than the topic takes, {@code 413}; both with a plain message.
     */
    private static final class PublishHandler extends Handler.Wrapper {
        private static final int MAX_BODY = 1024 * 1024;

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
            long declared = request.getLength();
            if (declared > MAX_BODY) {
                Response.writeError(request, response, callback, 413, "The body is larger than " + MAX_BODY + " bytes");
                return true;
            }
            byte[] bytes;
            try {
                bytes = Content.Source.asByteArrayAsync(request, MAX_BODY).get();
            } catch (java.util.concurrent.ExecutionException tooBig) {
                Response.writeError(request, response, callback, 413, "The body is larger than " + MAX_BODY + " bytes");
                return true;
            }
            String body;
            try {
                body = StandardCharsets.UTF_8
                        .newDecoder()
                        .onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT)
                        .decode(ByteBuffer.wrap(bytes))
                        .toString();
            } catch (CharacterCodingException notUtf8) {
                Response.writeError(request, response, callback, 400, "The body is not valid UTF-8");
                return true;
            }
            String id;
            try {
                id = topic.publish(body);
            } catch (EventTooLargeException tooLarge) {
                Response.writeError(request, response, callback, 413, tooLarge.getMessage());
                return true;
            } catch (IllegalArgumentException bad) {
                Response.writeError(request, response, callback, 400, bad.getMessage());
                return true;
            } catch (RuntimeException brokerDown) { // Redis unreachable: the publish failed, and says so
                Response.writeError(request, response, callback, 503, "Publishing failed: " + brokerDown.getMessage());
                return true;
            }
            response.getHeaders().put("Content-Type", "text/plain;charset=utf-8");
            Content.Sink.write(response, true, id, callback);
            return true;
        }
    }
}
