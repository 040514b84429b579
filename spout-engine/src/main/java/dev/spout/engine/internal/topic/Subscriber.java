package dev.spout.engine.internal.topic;

import dev.spout.engine.auth.ClientRequest;
import java.util.List;

/** What follows a topic: a stream, told where to start and when the topic has new entries. */
public interface Subscriber {

    /**
     * Starts following {@code topic} after {@code position}, with {@code first} (a reconnection delay, a snapshot)
     * written before any entry. The entries after the position may begin with events the broker still had and the
     * node's history no longer does, linked before the topic's own. Called with the topic's lock held; returns
     * false if the subscriber has gone meanwhile, and is then not added.
     */
    boolean follow(LocalTopic topic, Entry position, List<byte[]> first);

    /** The topic's newest entry is now {@code head}: write what lies between the position and it. */
    void published(Entry head);

    /**
     * Another page of what the client missed, {@code bytes} long, is linked ahead of it ({@link Backlog}): more waits
     * for it, and that is not its falling behind. Outside every lock.
     */
    default void caughtUpMore(long bytes) {}

    /** Telling this subscriber failed (a bug, not the client): it must end. */
    void failed(RuntimeException cause);

    /** The request that subscribed, for the topic's replay gap handler. */
    ClientRequest request();

    /**
     * Whether events written before the first entry (a gap handler's snapshot) carry the topic's ids. A stream of
     * several topics writes ids of its own, so a snapshot goes to it without ids.
     */
    default boolean writesTopicIds() {
        return true;
    }
}
