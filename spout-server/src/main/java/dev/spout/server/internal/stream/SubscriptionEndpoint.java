package dev.spout.server.internal.stream;

import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.internal.stream.EventStream;
import dev.spout.engine.internal.stream.Streams;
import dev.spout.engine.internal.stream.SubscriptionChoice;
import dev.spout.engine.internal.topic.Topics;
import dev.spout.engine.topic.SubscriptionHandler;
import dev.spout.server.internal.auth.Sessions;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An SSE endpoint whose handler chooses, per request, the topics its stream follows: a {@link SubscriptionChoice}
 * per request decides and authorizes them before any byte.
 */
public final class SubscriptionEndpoint implements Request.Handler {
    private final String path;
    private final String pagePath;
    private final SubscriptionHandler handler;
    private final Authorizer pageRule;
    private final Topics topics;
    private final Streams streams;
    private final Sessions sessions;

    /** The endpoint at {@code path}; {@code pagePath} (or null) is where a browser typing the URL is sent. */
    public SubscriptionEndpoint(
            String path,
            String pagePath,
            SubscriptionHandler handler,
            Authorizer pageRule,
            Topics topics,
            Streams streams,
            Sessions sessions) {
        this.path = path;
        this.pagePath = pagePath;
        this.handler = handler;
        this.pageRule = pageRule;
        this.topics = topics;
        this.streams = streams;
        this.sessions = sessions;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        var choice = new SubscriptionChoice(path, pageRule, handler, topics);
        EventStream stream = Admission.admit(path, pagePath, choice, streams, sessions, request, response, callback);
        if (stream != null) {
            choice.follow(stream);
        }
        return true;
    }
}
