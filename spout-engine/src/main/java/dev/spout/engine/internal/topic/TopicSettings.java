package dev.spout.engine.internal.topic;

import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.topic.ReplayGapHandler;
import dev.spout.engine.topic.TopicOptions;
import java.time.Duration;

/**
 * A topic's options as the engine uses them, fixed when the topic is created: the event size bound resolved
 * against the application's queue bound.
 */
public record TopicSettings(
        int historyCount,
        Duration historyAge,
        long historyBytes,
        int maxEventBytes,
        int initialReplay,
        Authorizer authorizer,
        ReplayGapHandler gapHandler,
        Duration retry,
        int maxTopics) {

    /**
     * The settings of {@code options}, for an application whose subscribers may have {@code maxQueuedBytes}
     * queued: an unset event bound becomes the smaller of the default and that.
     *
     * @throws IllegalArgumentException if the topic would take events bigger than a subscriber's queue
     */
    static TopicSettings of(String name, TopicOptions options, long maxQueuedBytes) {
        int maxEvent = options.maxEventBytes();
        if (maxEvent < 0) {
            maxEvent = (int) Math.min(TopicOptions.DEFAULT_MAX_EVENT_BYTES, maxQueuedBytes);
        } else if (maxEvent > maxQueuedBytes) {
            throw new IllegalArgumentException("Topic " + name + " would take events of up to " + maxEvent
                    + " bytes, more than a subscriber may have queued (" + maxQueuedBytes
                    + ", SpoutOptions.maxQueuedBytes): one such event would cut off every subscriber");
        }
        return new TopicSettings(
                options.historyCount(),
                options.historyAge(),
                options.historyBytes(),
                maxEvent,
                options.initialReplay(),
                options.authorizer(),
                options.gapHandler(),
                options.retry().orElse(null),
                options.maxTopics());
    }
}
