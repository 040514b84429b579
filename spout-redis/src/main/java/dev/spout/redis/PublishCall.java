package dev.spout.redis;

import dev.spout.sse.SseEvent;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One publish as the publish scripts take it: which script (one stream, or several on one slot), its keys (the
 * streams, then each stream's record of the idempotency key if the publish has one) and its arguments (the trimming,
 * the time to live, the event's fields, the command that announces it, and the key's window last). The scripts'
 * headers say what each argument is; this is the one place that writes them in that order.
 *
 * <pre>{@code
 * var call = PublishCall.of(settings, keys, new String[] {"spout:{chat}"}, new String[] {"chat"}, event, List.of(), null);
 * publishes.submit(call.script(), call.keys(), call.args(), encoded.length + call.extraBytes());
 * }</pre>
 */
record PublishCall(RedisScripts script, String[] keys, String[] args, long extraBytes) {

    static PublishCall of(
            RedisBroker.Settings settings,
            TopicKeys topicKeys,
            String[] streams,
            String[] topicNames,
            SseEvent event,
            List<String> labels,
            @Nullable String idempotencyKey) {
        String trimKind = settings.maxAge() != null ? "MINID" : "MAXLEN";
        String threshold = settings.maxAge() != null
                ? (System.currentTimeMillis() - settings.maxAge().toMillis()) + "-0"
                : Long.toString(settings.maxLength());
        String ttl = Long.toString(settings.keyTtl().toMillis());
        String type = event.event() == null ? "" : event.event();
        String retry = event.retry() == null ? "" : Long.toString(event.retry().toMillis());
        String labelLine = RedisEvents.joinLabels(labels);
        String[] keys = streams;
        String window = null;
        if (idempotencyKey != null) {
            keys = Arrays.copyOf(streams, 2 * streams.length);
            for (int i = 0; i < streams.length; i++) {
                keys[streams.length + i] = topicKeys.onceKey(streams[i], idempotencyKey);
            }
            window = Long.toString(settings.idempotencyWindow().toMillis());
        }
        // The labels are held beside the event's bytes until Redis answers: counted against the queue's bound.
        if (streams.length == 1) {
            String[] args = {trimKind, threshold, ttl, type, event.data(), retry, labelLine, topicKeys.announce()};
            return new PublishCall(RedisScripts.PUBLISH, keys, withWindow(args, window), labelLine.length());
        }
        String names = String.join(String.valueOf(RedisEvents.TOPIC_SEPARATOR), topicNames);
        String[] args = {trimKind, threshold, ttl, type, event.data(), names, retry, labelLine, topicKeys.announce()};
        return new PublishCall(RedisScripts.PUBLISH_MANY, keys, withWindow(args, window), labelLine.length());
    }

    /** The script's arguments, and the idempotency window last if the publish has a key. */
    private static String[] withWindow(String[] args, @Nullable String window) {
        if (window == null) {
            return args;
        }
        String[] more = Arrays.copyOf(args, args.length + 1);
        more[args.length] = window;
        return more;
    }
}
