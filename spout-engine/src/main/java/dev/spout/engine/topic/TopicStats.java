package dev.spout.engine.topic;

/**
 * Counters of one topic since it was created, and its subscribers now.
 *
 * <pre>{@code
 * TopicStats chat = app.topic("chat").stats();
 * log.info("{} followers, {} events delivered", chat.subscribers(), chat.delivered());
 * }</pre>
 *
 * @param name the topic
 * @param subscribers streams following the topic now
 * @param published events appended to the topic on this node
 * @param delivered event deliveries written to subscribers (one event to 1,000 subscribers counts 1,000)
 * @param dropped deliveries skipped by the drop-oldest slow-client policy
 * @param replayed deliveries from the history to subscribers that (re)connected
 * @param retained events in the history now, kept for replay within its count, age and size bounds
 * @param retainedBytes the encoded size of those events
 */
public record TopicStats(
        String name,
        int subscribers,
        long published,
        long delivered,
        long dropped,
        long replayed,
        int retained,
        long retainedBytes) {}
