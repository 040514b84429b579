package dev.spout.server.internal.stream;

import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.internal.stream.EventStream;
import dev.spout.engine.internal.stream.Opening;
import dev.spout.engine.internal.stream.Streams;
import dev.spout.engine.internal.topic.LocalTopic;
import dev.spout.server.internal.auth.Sessions;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An SSE endpoint that streams a topic: each accepted request subscribes, resuming after its Last-Event-ID. The
 * authorizer is the endpoint's own: the topic's, combined with its page's rule when the stream belongs to a page.
 */
public final class TopicStreamEndpoint implements Request.Handler {
    private final String path;
    private final String pagePath;
    private final LocalTopic topic;
    private final Authorizer authorizer;
    private final Streams streams;
    private final Sessions sessions;

    /** The endpoint at {@code path}; {@code pagePath} (or null) is where a browser typing the URL is sent. */
    public TopicStreamEndpoint(
            String path, String pagePath, LocalTopic topic, Authorizer authorizer, Streams streams, Sessions sessions) {
        this.path = path;
        this.pagePath = pagePath;
        this.topic = topic;
        this.authorizer = authorizer;
        this.streams = streams;
        this.sessions = sessions;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        EventStream stream =
                Admission.admit(path, pagePath, authorizer, streams, sessions, request, response, callback);
        if (stream != null) {
            Opening.followTopic(stream, topic);
        }
        return true;
    }
}
