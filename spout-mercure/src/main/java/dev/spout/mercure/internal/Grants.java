package dev.spout.mercure.internal;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a verified token allows, and who presented it: its grants, its subject ({@code sub}, which names the subscriber
 * in subscription events) and when it expires (a subscriber's stream ends then). No token at all is {@link #NONE}:
 * an anonymous subscriber, where the hub admits them, receives public updates only.
 *
 * <pre>{@code
 * if (!grants.mayPublish(update.topics())) { ... 403 insufficient_scope ... }
 * }</pre>
 */
record Grants(
        List<Grant> grants,
        @Nullable String subject,
        @Nullable Instant expires) {
    static final Grants NONE = new Grants(List.of(), null, null);

    Grants {
        grants = List.copyOf(grants);
    }

    /** Whether every topic of an update may be published: its canonical topic and its alternates. */
    boolean mayPublish(List<String> topics) {
        for (String topic : topics) {
            if (!allows(Grant.Action.PUBLISH, topic)) {
                return false;
            }
        }
        return !topics.isEmpty();
    }

    /**
     * Whether a private update may be delivered to the token's subscriber: one of its topics is granted (a Mercure 1.0
     * update has one; a 0.x update's alternates count too, as 0.x hubs counted them).
     */
    boolean maySubscribe(List<String> topics) {
        for (String topic : topics) {
            if (allows(Grant.Action.SUBSCRIBE, topic)) {
                return true;
            }
        }
        return false;
    }

    /**
     * What the token says of its subscriber for a subscription to {@code match}: the payload of the first grant to
     * subscribe whose selectors select it (the text of the selector, taken as a topic), else none.
     */
    java.util.@Nullable Map<String, Object> payloadFor(String match) {
        for (Grant grant : grants) {
            if (grant.payload() != null && grant.allows(Grant.Action.SUBSCRIBE, match)) {
                return grant.payload();
            }
        }
        return null;
    }

    private boolean allows(Grant.Action action, String topic) {
        for (Grant grant : grants) {
            if (grant.allows(action, topic)) {
                return true;
            }
        }
        return false;
    }
}
