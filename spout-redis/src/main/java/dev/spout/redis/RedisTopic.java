package dev.spout.redis;

import dev.spout.broker.BrokerTopic;
import dev.spout.broker.StoredEvent;
import dev.spout.broker.TopicLog;
import dev.spout.sse.SseEvent;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.XAddArgs;
import io.lettuce.core.XReadArgs;
import io.lettuce.core.api.StatefulRedisConnection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One topic as a Redis stream: publishing is XADD on the shared connection; a reader on its own connection and
 * virtual thread follows the stream with XREAD BLOCK from the last id it saw, and hands each event to the node's
 * topic log in the stream's order. When Redis cannot be read, the reader waits (up to two seconds, doubling) and
 * resumes from that same id, so nothing Redis still holds is skipped.
 */
final class RedisTopic implements BrokerTopic {
    private static final Logger LOG = LoggerFactory.getLogger(RedisTopic.class);
    private static final String DATA = "data";
    private static final String EVENT = "event";

    private final RedisBroker broker;
    private final String key;
    private final String name;
    private final TopicLog log;
    private final StatefulRedisConnection<String, String> reading;
    private final StatefulRedisConnection<String, String> publishing;
    private volatile boolean closed;
    private Thread reader;
    private String lastId = "0-0";

    RedisTopic(
            RedisBroker broker,
            String key,
            TopicLog log,
            StatefulRedisConnection<String, String> reading,
            StatefulRedisConnection<String, String> publishing) {
        this.broker = broker;
        this.key = key;
        this.name = key.substring(broker.settings.keyPrefix().length());
        this.log = log;
        this.reading = reading;
        this.publishing = publishing;
    }

    /** Fills the node's history with the latest events, then follows the stream. */
    void start() {
        int preload = broker.settings.preload();
        if (preload > 0) {
            List<StreamMessage<String, String>> latest =
                    reading.sync().xrevrange(key, Range.create("-", "+"), Limit.from(preload));
            for (int i = latest.size() - 1; i >= 0; i--) {
                deliver(latest.get(i), false);
            }
        }
        reader = Thread.ofVirtual().name("spout-redis " + key).start(this::follow);
    }

    @Override
    public CompletableFuture<String> publish(SseEvent event, byte[] encoded) {
        Map<String, String> fields = new LinkedHashMap<>(4);
        fields.put(DATA, event.data());
        if (event.event() != null) {
            fields.put(EVENT, event.event());
        }
        XAddArgs trim = new XAddArgs().approximateTrimming();
        Duration maxAge = broker.settings.maxAge();
        if (maxAge != null) {
            trim.minId((System.currentTimeMillis() - maxAge.toMillis()) + "-0");
        } else {
            trim.maxlen(broker.settings.maxLength());
        }
        CompletableFuture<String> result = new CompletableFuture<>();
        try {
            publishing.async().xadd(key, trim, fields).whenComplete((id, failure) -> {
                if (failure != null) {
                    broker.publishFailures.incrementAndGet();
                    result.completeExceptionally(failure);
                } else {
                    broker.published.incrementAndGet();
                    result.complete(id);
                }
            });
        } catch (RedisException refused) { // not connected, or the request queue is full
            broker.publishFailures.incrementAndGet();
            result.completeExceptionally(refused);
        }
        return result;
    }

    @Override
    public Optional<List<StoredEvent>> readRange(String afterId, String upToId) {
        if (!isStreamId(afterId) || !isStreamId(upToId)) {
            return Optional.empty();
        }
        var sync = publishing.sync();
        List<StreamMessage<String, String>> oldest = sync.xrange(key, Range.create("-", "+"), Limit.from(1));
        if (oldest.isEmpty() || compare(afterId, oldest.getFirst().getId()) < 0) {
            return Optional.empty(); // trimmed away: Redis no longer has everything after afterId
        }
        List<StoredEvent> events = new ArrayList<>();
        for (StreamMessage<String, String> message :
                sync.xrange(key, Range.from(Range.Boundary.excluding(afterId), Range.Boundary.including(upToId)))) {
            events.add(StoredEvent.of(message.getId(), event(message), millis(message.getId()), name));
        }
        return Optional.of(events);
    }

    @Override
    public void close() {
        closed = true;
        if (reader != null) {
            reader.interrupt();
        }
        reading.close();
        broker.detached(this);
    }

    private void follow() {
        long backoff = 50;
        boolean failing = false;
        var read = XReadArgs.Builder.block(Duration.ofSeconds(1)).count(1000);
        while (!closed) {
            try {
                List<StreamMessage<String, String>> messages =
                        reading.sync().xread(read, XReadArgs.StreamOffset.from(key, lastId));
                if (failing) {
                    LOG.info("Reading {} from Redis again, from id {}", key, lastId);
                    failing = false;
                    backoff = 50;
                }
                for (StreamMessage<String, String> message : messages) {
                    deliver(message, true);
                }
            } catch (RedisException failure) {
                if (closed) {
                    return;
                }
                broker.readFailures.incrementAndGet();
                if (!failing) {
                    LOG.warn("Cannot read {} from Redis ({}); retrying from id {}", key, failure.getMessage(), lastId);
                    failing = true;
                }
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException stopping) {
                    return;
                }
                backoff = Math.min(2000, backoff * 2);
            } catch (RuntimeException failure) {
                if (closed) {
                    return;
                }
                LOG.error("Delivering {} from Redis failed; continuing after id {}", key, lastId, failure);
            }
        }
    }

    private void deliver(StreamMessage<String, String> message, boolean live) {
        String id = message.getId();
        long published = millis(id);
        lastId = id;
        log.append(StoredEvent.of(id, event(message), published, name));
        if (live) {
            broker.received.incrementAndGet();
            broker.lagMillis.set(Math.max(0, System.currentTimeMillis() - published));
        }
    }

    private static SseEvent event(StreamMessage<String, String> message) {
        Map<String, String> body = message.getBody();
        return SseEvent.of(body.getOrDefault(DATA, ""), body.get(EVENT), null);
    }

    static boolean isStreamId(String id) {
        return id != null && id.matches("\\d{1,19}-\\d{1,19}");
    }

    static long millis(String id) {
        return Long.parseLong(id.substring(0, id.indexOf('-')));
    }

    static int compare(String a, String b) {
        long[] x = parse(a);
        long[] y = parse(b);
        int first = Long.compare(x[0], y[0]);
        return first != 0 ? first : Long.compare(x[1], y[1]);
    }

    private static long[] parse(String id) {
        int dash = id.indexOf('-');
        return new long[] {Long.parseLong(id.substring(0, dash)), Long.parseLong(id.substring(dash + 1))};
    }
}
