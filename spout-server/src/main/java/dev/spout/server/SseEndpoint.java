package dev.spout.server;

import java.util.Set;
import java.util.concurrent.ThreadFactory;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A per-client SSE endpoint: each accepted request gets its own stream and its own virtual thread running the
 * handler.
 *
 * <p>Like awful-sse, a request that does not accept {@code text/event-stream} (a person typing the URL) is redirected
 * to the endpoint's client page with {@code 302 Found}; without a page it gets {@code 406 Not Acceptable}.
 */
final class SseEndpoint implements Endpoint {
    private static final Set<String> METHODS = Set.of("GET");

    private final String path;
    private final String pagePath;
    private final SseHandler handler;
    private final StreamRegistry streams;
    private final ThreadFactory threads;

    SseEndpoint(String path, String pagePath, SseHandler handler, StreamRegistry streams) {
        this.path = path;
        this.pagePath = pagePath;
        this.handler = handler;
        this.streams = streams;
        this.threads = Thread.ofVirtual().name("spout-sse" + path + "#", 1).factory();
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        if (!Methods.allowed(METHODS, request, response, callback)) {
            return true;
        }
        if (!EventStreams.accepted(request)) {
            if (pagePath != null) {
                Response.sendRedirect(request, response, callback, HttpStatus.FOUND_302, pagePath, true);
            } else {
                Response.writeError(
                        request,
                        response,
                        callback,
                        HttpStatus.NOT_ACCEPTABLE_406,
                        "This is a Server-Sent Events stream: request it with 'Accept: text/event-stream'");
            }
            return true;
        }
        EventStreams.prepare(request, response);
        var stream = new ClientStream(path, new ClientRequest(request), response, callback);
        streams.add(stream);
        request.addFailureListener(stream::clientGone);
        request.addIdleTimeoutListener(timeout -> !stream.isOpen());
        if (DisconnectWatcher.needed(request)) {
            DisconnectWatcher.watch(request, stream::clientGone);
        }
        threads.newThread(() -> stream.run(handler)).start();
        return true;
    }
}
