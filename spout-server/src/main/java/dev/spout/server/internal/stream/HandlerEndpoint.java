package dev.spout.server.internal.stream;

import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.internal.stream.EventStream;
import dev.spout.engine.internal.stream.Opening;
import dev.spout.engine.internal.stream.Streams;
import dev.spout.engine.stream.SseHandler;
import dev.spout.server.internal.auth.Sessions;
import java.util.concurrent.ThreadFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** A per-client SSE endpoint: each accepted request gets its own stream and a virtual thread running the handler. */
public final class HandlerEndpoint implements Request.Handler {
    private final String path;
    private final String pagePath;
    private final SseHandler handler;
    private final Authorizer authorizer;
    private final Streams streams;
    private final Sessions sessions;
    private final ThreadFactory threads;

    /** The endpoint at {@code path}; {@code pagePath} (or null) is where a browser typing the URL is sent. */
    public HandlerEndpoint(
            String path,
            String pagePath,
            SseHandler handler,
            Authorizer authorizer,
            Streams streams,
            Sessions sessions) {
        this.path = path;
        this.pagePath = pagePath;
        this.handler = handler;
        this.authorizer = authorizer;
        this.streams = streams;
        this.sessions = sessions;
        this.threads = Opening.handlerThreads(path);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        EventStream stream =
                Admission.admit(path, pagePath, authorizer, streams, sessions, request, response, callback);
        if (stream != null) {
            Opening.runHandler(stream, handler, threads);
        }
        return true;
    }
}
