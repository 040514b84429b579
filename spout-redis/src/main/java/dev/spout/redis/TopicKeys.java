package dev.spout.redis;

import io.lettuce.core.cluster.SlotHash;

/**
 * Where a topic lives in Redis, and how the nodes following it are told of an event. On one Redis: the stream
 * {@code <prefix><topic>}, announced by {@code PUBLISH} on a channel of the same name. On a Redis Cluster: the stream
 * {@code <prefix>{<topic>}}, whose hash tag puts it (and whatever else a topic may keep one day) on the slot of the
 * topic's name, so topics spread over every master; announced by {@code SPUBLISH} on a shard channel of that name,
 * which only the master of that slot and its replicas carry (a plain {@code PUBLISH} goes to every node of the
 * cluster). A key that has a hash tag already, from the topic's name ({@code user/{42}/inbox}) or the prefix, keeps
 * it: topics that share a tag share a slot, and so can be published to at once.
 *
 * <pre>{@code
 * TopicKeys.cluster("spout:").key("chat");            // spout:{chat}
 * TopicKeys.cluster("spout:").key("user/{42}/inbox"); // spout:user/{42}/inbox, on the slot of "42"
 * TopicKeys.cluster("spout:").onceKey("spout:{chat}", "order-42"); // spout:{chat}\0once\0order-42, chat's slot
 * }</pre>
 */
record TopicKeys(String prefix, boolean cluster) {
    static TopicKeys standalone(String prefix) {
        return new TopicKeys(prefix, false);
    }

    static TopicKeys cluster(String prefix) {
        return new TopicKeys(prefix, true);
    }

    /** The topic's stream, which is also the name of the channel its events are announced on. */
    String key(String topic) {
        String plain = prefix + topic;
        return !cluster || hasHashTag(plain) ? plain : prefix + "{" + topic + "}";
    }

    /**
     * Where a topic remembers an idempotency key for its window: {@code <stream>\0once\0<key>}, beside the topic's
     * stream and, on a cluster, on its slot (the stream's hash tag comes first, so it is the record's too), so the
     * publish script may check and write it with the stream. No topic's stream has a NUL, so no record is a stream.
     */
    String onceKey(String stream, String idempotencyKey) {
        return stream + "\0once\0" + idempotencyKey;
    }

    /** The command the publish scripts announce an event with. */
    String announce() {
        return cluster ? "SPUBLISH" : "PUBLISH";
    }

    /**
     * Checks that one script may write all these streams: on a cluster, only if they share a slot.
     *
     * @throws IllegalArgumentException saying which topics are apart, and how to bring them together
     */
    void checkOneSlot(String[] keys, String[] topics) {
        if (!cluster) {
            return;
        }
        int slot = SlotHash.getSlot(keys[0]);
        for (int i = 1; i < keys.length; i++) {
            if (SlotHash.getSlot(keys[i]) != slot) {
                throw new IllegalArgumentException("On a Redis Cluster, an event published to several topics at once"
                        + " needs their streams on one slot, and topics " + topics[0] + " and " + topics[i]
                        + " hash to slots " + slot + " and " + SlotHash.getSlot(keys[i]) + ": give topics published"
                        + " together one hash tag, such as user/{42}/inbox and user/{42}/alerts, or publish to each"
                        + " on its own");
            }
        }
    }

    /** Redis's rule: the part between the first '{' and the first '}' after it, if that part is not empty. */
    private static boolean hasHashTag(String key) {
        int open = key.indexOf('{');
        if (open < 0) {
            return false;
        }
        int close = key.indexOf('}', open + 1);
        return close > open + 1;
    }
}
