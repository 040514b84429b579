package dev.spout.redis;

import dev.spout.broker.StoredEvent;
import dev.spout.sse.SseEvent;
import io.lettuce.core.StreamMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * How events look in Redis: a stream entry with the fields {@code data}, {@code event} (its type, if any),
 * {@code retry} (its reconnection delay in milliseconds, if any), {@code topics} (for an event published to several
 * topics at once: their names, NUL-separated) and {@code labels} (the publisher's labels, if any, each preceded by a
 * NUL, so an empty label is kept); and the message published to the stream's channel,
 * {@code <previous id>\n<id>\n<type>\n<topics>\n<retry>\n<labels>\n<data>}, data last since it may hold line
 * breaks (type, delay, topic names and labels cannot).
 */
final class RedisEvents {
    static final String DATA = "data";
    static final String EVENT = "event";
    static final String TOPICS = "topics";
    static final String RETRY = "retry";
    static final String LABELS = "labels";
    static final char TOPIC_SEPARATOR = '\0';

    private RedisEvents() {}

    /** A message from a stream's channel: the event and the id of the one before it ("" if none). */
    record Message(String previousId, StoredEvent event) {}

    static StoredEvent fromEntry(StreamMessage<String, String> entry, String topic) {
        Map<String, String> body = entry.getBody();
        return event(
                entry.getId(),
                body.get(EVENT),
                body.get(TOPICS),
                body.get(RETRY),
                body.get(LABELS),
                body.getOrDefault(DATA, ""),
                topic);
    }

    /** The message, or null if it is not one Spout published (malformed: logged by the caller). */
    static @Nullable Message fromMessage(String message, String topic) {
        int[] ends = new int[6];
        int from = 0;
        for (int i = 0; i < ends.length; i++) {
            ends[i] = message.indexOf('\n', from);
            if (ends[i] < 0) {
                return null;
            }
            from = ends[i] + 1;
        }
        String previous = message.substring(0, ends[0]);
        String id = message.substring(ends[0] + 1, ends[1]);
        String type = message.substring(ends[1] + 1, ends[2]);
        String topics = message.substring(ends[2] + 1, ends[3]);
        String retry = message.substring(ends[3] + 1, ends[4]);
        String labels = message.substring(ends[4] + 1, ends[5]);
        String data = message.substring(ends[5] + 1);
        if (!StreamEntryIds.isStreamId(id) || !retry.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        return new Message(previous, event(id, type, topics, retry, labels, data, topic));
    }

    private static StoredEvent event(
            String id,
            @Nullable String type,
            @Nullable String topics,
            @Nullable String retry,
            @Nullable String labels,
            String data,
            String topic) {
        // A delay that is not digits was not written by Spout: like an unknown field, it is not the event's.
        Duration delay = retry == null
                        || retry.isEmpty()
                        || retry.length() > 18
                        || !retry.chars().allMatch(Character::isDigit)
                ? null
                : Duration.ofMillis(Long.parseLong(retry));
        SseEvent event = new SseEvent(data, type == null || type.isEmpty() ? null : type, null, delay);
        List<String> names = topics == null || topics.isEmpty()
                ? List.of(topic)
                : Arrays.asList(topics.split(String.valueOf(TOPIC_SEPARATOR), -1));
        return new StoredEvent(id, event, StreamEntryIds.millis(id), names, null, splitLabels(labels));
    }

    /** The labels as Redis keeps them: each after a NUL ("" for none), so that an empty label survives. */
    static String joinLabels(List<String> labels) {
        if (labels.isEmpty()) {
            return "";
        }
        var joined = new StringBuilder();
        labels.forEach(label -> joined.append(TOPIC_SEPARATOR).append(label));
        return joined.toString();
    }

    private static List<String> splitLabels(@Nullable String joined) {
        if (joined == null || joined.isEmpty()) {
            return List.of();
        }
        return List.of(joined.substring(1).split(String.valueOf(TOPIC_SEPARATOR), -1));
    }
}
