package dev.spout.mercure.internal;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One thing a token allows: some actions on the topics its selectors select, and, for subscribing, a payload the hub
 * shows in the subscription's events. Mercure 1.0 tokens carry these as {@code authorization_details} entries of type
 * {@code mercure}; a Mercure 0.x token's {@code mercure} claim becomes one grant per list.
 *
 * <pre>{@code
 * var grant = new Grant(Set.of(Grant.Action.SUBSCRIBE), List.of(TopicSelector.exact("*")), null);
 * }</pre>
 */
record Grant(
        Set<Action> actions,
        List<TopicSelector> topics,
        @Nullable Map<String, Object> payload) {

    /** What a grant allows. */
    enum Action {
        PUBLISH,
        SUBSCRIBE
    }

    Grant {
        actions = Set.copyOf(actions);
        topics = List.copyOf(topics);
        payload = payload == null ? null : Map.copyOf(payload);
    }

    /** Whether it allows {@code action} on {@code topic}. */
    boolean allows(Action action, String topic) {
        if (!actions.contains(action)) {
            return false;
        }
        for (TopicSelector selector : topics) {
            if (selector.matches(topic)) {
                return true;
            }
        }
        return false;
    }
}
