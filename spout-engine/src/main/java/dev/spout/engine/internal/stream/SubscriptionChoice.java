package dev.spout.engine.internal.stream;

import dev.spout.engine.auth.Access;
import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.auth.ClientRequest;
import dev.spout.engine.internal.topic.LocalTopic;
import dev.spout.engine.internal.topic.Topics;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.SubscriptionHandler;
import dev.spout.engine.topic.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One request's choice of topics, and whether it may have them: the authorizer a subscription's stream is admitted
 * by, which asks the handler for the topics and then every chosen topic's own authorizer. Authorization comes first
 * and whole: the page's rule (if the stream belongs to a page), the handler's decision, then each topic's; the
 * strictest refusal (403 over 401) is the answer, before any byte. Used once, for one request.
 *
 * <p>A stream of one topic is then a plain topic stream (the topic's bytes and ids); one of several, a {@link
 * TopicSet}.
 */
public final class SubscriptionChoice implements Authorizer {
    private final String path;
    private final Authorizer pageRule;
    private final SubscriptionHandler handler;
    private final Topics topics;
    private final List<LocalTopic> chosen = new ArrayList<>();
    private boolean typed;

    public SubscriptionChoice(String path, Authorizer pageRule, SubscriptionHandler handler, Topics topics) {
        this.path = path;
        this.pageRule = pageRule;
        this.handler = handler;
        this.topics = topics;
    }

    /** The choice of a subscription the application has made already (a controller's answer). */
    public static SubscriptionChoice of(String path, Subscription subscription, Topics topics) {
        Objects.requireNonNull(subscription, () -> "The subscription for " + path + " is null");
        return new SubscriptionChoice(path, Authorizer.allowAll(), request -> subscription, topics);
    }

    @Override
    public Access check(ClientRequest client) throws Exception {
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
                typed = wanted.typeIsTopic();
                yield answer;
            }
        };
    }

    /** The admitted stream follows the chosen topics, from its {@code Last-Event-ID}, and starts writing. */
    public void follow(EventStream stream) {
        if (chosen.size() == 1 && !typed) {
            Opening.followTopic(stream, chosen.getFirst());
            return;
        }
        String lastEventId = stream.request().header("Last-Event-ID").orElse(null);
        stream.exchange.releaseAfterHeaders();
        JoinTopics.join(stream, chosen, typed, lastEventId);
        stream.open();
    }

    private static Access stricter(Access a, Access b) {
        if (a == Access.FORBIDDEN || b == Access.FORBIDDEN) {
            return Access.FORBIDDEN;
        }
        return a == Access.UNAUTHORIZED || b == Access.UNAUTHORIZED ? Access.UNAUTHORIZED : Access.ALLOW;
    }
}
