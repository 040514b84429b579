package dev.spout.engine.internal.stream;

import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.internal.topic.LocalTopic;
import dev.spout.sse.SseEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * How a stream of several topics starts, on its request's thread: it follows each topic from where the client's
 * {@code Last-Event-ID} places it (the checkpoint the id names, plus the id's counts), or as a new client, or, for
 * an id that names no place (forged, damaged, its checkpoint expired), where each topic's gap handler says. Then it
 * saves the checkpoint its own ids will count from, and only then writes events.
 */
final class JoinTopics {
    private static final Logger LOG = Logs.logger(JoinTopics.class);

    private JoinTopics() {}

    static void join(EventStream stream, List<LocalTopic> topics, boolean typedByTopic, @Nullable String lastEventId) {
        List<Follower> followers = new ArrayList<>(topics.size());
        for (LocalTopic topic :
                topics.stream().sorted(Comparator.comparing(LocalTopic::name)).toList()) {
            followers.add(new Follower(stream, topic, typedByTopic ? SseEncoder.eventLine(topic.name()) : null));
        }
        var set = new TopicSet(followers);
        stream.followAll(set);
        StreamIds.Decoded id = lastEventId == null ? null : StreamIds.decode(lastEventId);
        Checkpoint checkpoint = id == null ? null : load(stream.streams.checkpoints, id.key(), stream);
        if (checkpoint != null) {
            set.checkpoints.resumedExactly();
        }
        for (Follower follower : followers) {
            LocalTopic topic = follower.topic;
            if (lastEventId == null) {
                topic.subscribe(follower, null);
            } else if (checkpoint == null) {
                topic.subscribeUnplaced(follower, lastEventId);
            } else {
                Integer index = checkpoint.indexOf(topic.name());
                if (index == null) {
                    topic.subscribe(follower, null); // a topic the client's earlier stream did not have: new to it
                } else {
                    Checkpoint.Place place = checkpoint.places().get(index);
                    topic.subscribeAt(follower, place.anchor(), place.offset() + id.count(index), lastEventId);
                }
            }
        }
        TopicSet.Save first; // every topic is subscribed: the first checkpoint is saved before anything is written
        synchronized (stream) {
            first = stream.closeReasonLocked() == null ? set.joined(System.nanoTime()) : null;
        }
        if (first != null) {
            CheckpointSaving.save(stream, set, first);
        }
    }

    private static @Nullable Checkpoint load(CheckpointBudget store, long key, EventStream stream) {
        try {
            Optional<byte[]> bytes = store.load(HexFormat.of().toHexDigits(key));
            return bytes.map(Checkpoint::decode).orElse(null);
        } catch (RuntimeException failure) {
            LOG.warn("The stream {} could not load its client's place in its topics: {}", stream, failure.toString());
            return null;
        }
    }
}
