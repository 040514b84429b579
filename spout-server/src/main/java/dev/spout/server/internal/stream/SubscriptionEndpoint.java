package dev.spout.server.internal.stream;

import dev.spout.server.auth.Access;
import dev.spout.server.auth.Authorizer;
import dev.spout.server.internal.auth.Sessions;
import dev.spout.server.internal.topic.LocalTopic;
import dev.spout.server.internal.topic.Topics;
import dev.spout.server.topic.Subscription;
import dev.spout.server.topic.SubscriptionHandler;
import dev.spout.server.topic.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * An SSE endpoint whose handler chooses, per request, the topics its stream follows. Authorization comes first and
 * whole: the page's rule (if the stream belongs to a page), the handler's own decision, then every chosen topic's
 * authorizer; the strictest refusal (403 over 401) is the answer, before any byte. A stream of one topic is a plain
 * topic stream (the topic's bytes and ids); one of several, a {@link TopicSet}.
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
        var chosen = new ArrayList<LocalTopic>();
        var typed = new boolean[1];
        Authorizer authorizer = client -> {
            Access page = pageRule.check(client);
            if (page != Access.ALLOW) {
                return page;
            }
            Subscription subscription = Objects.requireNonNull(
                    handler.subscribe(client), () -> "The subscription handler of " + path + " returned null");
            return switch (subscription) {
                case Subscription.Refused refused -> refused.access();
                case Subscription.Topics wanted -> {
                    Access answer = Access.ALLOW;
                    for (Topic topic : wanted.topics()) {
                        LocalTopic local = topics.own(topic);
                        answer = stricter(answer, local.settings().authorizer().check(client));
                        chosen.add(local);
                    }
                    typed[0] = wanted.typeIsTopic();
                    yield answer;
                }
            };
        };
        EventStream stream =
                Admission.admit(path, pagePath, authorizer, streams, sessions, request, response, callback);
        if (stream != null) {
            String lastEventId = stream.request().header("Last-Event-ID").orElse(null);
            stream.exchange.releaseAfterHeaders();
            follow(stream, chosen, typed[0], lastEventId);
            stream.open();
        }
        return true;
    }

    private static void follow(EventStream stream, List<LocalTopic> chosen, boolean typed, String lastEventId) {
        if (chosen.size() == 1 && !typed) {
            chosen.getFirst().subscribe(stream, lastEventId);
        } else {
            JoinTopics.join(stream, chosen, typed, lastEventId);
        }
    }

    private static Access stricter(Access a, Access b) {
        if (a == Access.FORBIDDEN || b == Access.FORBIDDEN) {
            return Access.FORBIDDEN;
        }
        return a == Access.UNAUTHORIZED || b == Access.UNAUTHORIZED ? Access.UNAUTHORIZED : Access.ALLOW;
    }
}
