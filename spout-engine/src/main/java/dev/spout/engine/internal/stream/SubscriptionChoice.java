package dev.spout.engine.internal.stream;

import dev.spout.engine.auth.Access;
import dev.spout.engine.auth.ClientRequest;
import dev.spout.engine.internal.topic.LocalTopic;
import dev.spout.engine.internal.topic.Topics;
import dev.spout.engine.topic.EventFilter;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * One request's choice of topics, and whether it may have them: a subscription refused, or its topics with the
 * strictest of their authorizers' answers (403 over 401), decided before any byte. A stream of one topic is then a
 * plain topic stream (the topic's bytes and ids); one of several, a {@link TopicSet}.
 *
 * @param access the strictest answer of the chosen topics' authorizers, or the subscription's refusal
 * @param topics the topics chosen, empty for a refusal
 * @param typed whether each event carries its topic's name as its type
 * @param filter which events of its one topic the stream sends, or null for all
 * @param lastEventId where it resumes, in place of its {@code Last-Event-ID} header, or null
 * @param headers the subscription's own response headers
 */
public record SubscriptionChoice(
        Access access,
        List<LocalTopic> topics,
        boolean typed,
        @Nullable EventFilter filter,
        @Nullable String lastEventId,
        Map<String, String> headers) {

    /**
     * What the subscription chooses for this client, each chosen topic's authorizer asked.
     *
     * @throws IllegalArgumentException if a topic belongs to another engine
     * @throws Exception what an authorizer throws
     */
    public static SubscriptionChoice decide(Subscription subscription, ClientRequest client, Topics all)
            throws Exception {
        return switch (subscription) {
            case Subscription.Refused refused ->
                new SubscriptionChoice(refused.access(), List.of(), false, null, null, Map.of());
            case Subscription.Topics wanted -> {
                Access answer = Access.ALLOW;
                List<LocalTopic> chosen = new ArrayList<>(wanted.topics().size());
                for (Topic topic : wanted.topics()) {
                    LocalTopic local = all.own(topic);
                    answer = stricter(answer, local.settings().authorizer().check(client));
                    chosen.add(local);
                }
                yield new SubscriptionChoice(
                        answer,
                        List.copyOf(chosen),
                        wanted.typeIsTopic(),
                        wanted.filter(),
                        wanted.lastEventId(),
                        wanted.headers());
            }
        };
    }

    /** The admitted stream follows the chosen topics, from its {@code Last-Event-ID}, and starts writing. */
    public void follow(EventStream stream) {
        if (topics.size() == 1 && !typed) {
            Opening.followTopic(stream, topics.getFirst(), filter, lastEventId);
            return;
        }
        @Nullable
        String lastEventId = this.lastEventId != null
                ? this.lastEventId
                : stream.request().header("Last-Event-ID").orElse(null);
        stream.exchange.releaseAfterHeaders();
        JoinTopics.join(stream, topics, typed, lastEventId);
        stream.writePending();
    }

    /** The stricter of two answers: 403 over 401 over admission. */
    public static Access stricter(Access a, Access b) {
        if (a == Access.FORBIDDEN || b == Access.FORBIDDEN) {
            return Access.FORBIDDEN;
        }
        return a == Access.UNAUTHORIZED || b == Access.UNAUTHORIZED ? Access.UNAUTHORIZED : Access.ALLOW;
    }
}
