package dev.spout.server.internal.topic;

import dev.spout.server.auth.ClientRequest;
import java.util.List;

/** What follows a topic: a stream, told where to start and when the topic has new entries. */
public interface Subscriber {

    /**
     * Starts following {@code topic} after {@code position}, with {@code first} (a reconnection delay, missed
     * events from the broker, a snapshot) written before any entry. Called with the topic's lock held; returns
     * false if the subscriber has gone meanwhile, and is then not added.
     */
    boolean follow(LocalTopic topic, Entry position, List<byte[]> first);

    /** The topic's newest entry is now {@code head}: write what lies between the position and it. */
    void published(Entry head);

    /** Telling this subscriber failed (a bug, not the client): it must end. */
    void failed(RuntimeException cause);

    /** The request that subscribed, for the topic's replay gap handler. */
    ClientRequest request();
}
