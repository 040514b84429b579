package dev.spout.server;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An SSE endpoint that streams a topic: each accepted request subscribes, resuming after its Last-Event-ID. The
 * authorizer is the endpoint's own: the topic's, combined with its page's rule when the stream belongs to a page.
 */
final class TopicEndpoint implements Endpoint {
    private final String path;
    private final String pagePath;
    private final LocalTopic topic;
    private final Authorizer authorizer;
    private final Engine engine;

    TopicEndpoint(String path, String pagePath, LocalTopic topic, Authorizer authorizer, Engine engine) {
        this.path = path;
        this.pagePath = pagePath;
        this.topic = topic;
        this.authorizer = authorizer;
        this.engine = engine;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        EventStream stream = EventStreams.admit(path, pagePath, authorizer, engine, request, response, callback);
        if (stream != null) {
            String lastEventId = stream.request.header("Last-Event-ID").orElse(null);
            stream.releaseHttpAfterHeaders();
            topic.subscribe(stream, lastEventId);
        }
        return true;
    }
}
