package dev.spout.engine;

import dev.spout.engine.topic.TopicStats;
import java.util.List;

/**
 * A snapshot of what a Spout application is doing: read it with {@code Spout.stats()}, or bind it to Micrometer
 * with the {@code spout-micrometer} module.
 *
 * <pre>{@code
 * SpoutStats stats = app.stats();
 * log.info("{} streams open, {} cut off for being slow", stats.openStreams(), stats.slowClientDisconnects());
 * }</pre>
 *
 * @param openStreams streams open now, of every kind
 * @param heartbeats heartbeat comments written
 * @param slowClientDisconnects streams ended because their client did not keep up
 * @param rejectedStreams streams refused with 503 because a stream limit was reached
 * @param topics each topic's counters
 */
public record SpoutStats(
        int openStreams, long heartbeats, long slowClientDisconnects, long rejectedStreams, List<TopicStats> topics) {
    public SpoutStats {
        topics = List.copyOf(topics);
    }
}
