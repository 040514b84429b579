package dev.spout.server;

import java.util.concurrent.ThreadFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A per-client SSE endpoint: each accepted request gets its own stream and a virtual thread running the handler. */
final class SseEndpoint implements Endpoint {
    private final String path;
    private final String pagePath;
    private final SseHandler handler;
    private final Authorizer authorizer;
    private final Engine engine;
    private final ThreadFactory threads;

    SseEndpoint(String path, String pagePath, SseHandler handler, Authorizer authorizer, Engine engine) {
        this.path = path;
        this.pagePath = pagePath;
        this.handler = handler;
        this.authorizer = authorizer;
        this.engine = engine;
        this.threads = Thread.ofVirtual().name("spout-sse" + path + "#", 1).factory();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        EventStream stream = EventStreams.admit(path, pagePath, authorizer, engine, request, response, callback);
        if (stream != null) {
            var client = new ClientStream(stream);
            threads.newThread(() -> client.run(handler)).start();
        }
        return true;
    }
}
