package dev.spout.broker;

import dev.spout.sse.SseEvent;
import java.util.concurrent.CompletableFuture;

/**
 * The default broker: each topic's order is kept in this process, and publishing delivers at once.
 *
 * <p>Ids are decimal numbers that increase by one per event, starting from the time the topic was attached in
 * microseconds since the epoch. So ids never repeat across restarts: a client that reconnects to a restarted
 * server with an id of the previous run is recognized as being before the new history, not confused with a new
 * event that happens to have the same number. An event that carries its own id keeps it.
 *
 * <pre>{@code
 * var app = Spout.create(options -> options.broker(new MemoryBroker()));   // the default
 * }</pre>
 */
public final class MemoryBroker implements Broker {

    @Override
    public BrokerTopic attach(String topic, TopicLog log) {
        return new Topic(log, System.currentTimeMillis() * 1000);
    }

    @Override
    public void close() {}

    private static final class Topic implements BrokerTopic {
        private final TopicLog log;
        private long nextId;
        private boolean closed;

        Topic(TopicLog log, long firstId) {
            this.log = log;
            this.nextId = firstId;
        }

        @Override
        public synchronized CompletableFuture<String> publish(SseEvent event, byte[] encoded) {
            if (closed) {
                return CompletableFuture.failedFuture(new IllegalStateException("The topic is closed"));
            }
            long number = nextId++;
            String id = event.id() != null ? event.id() : Long.toString(number);
            log.append(id, event, encoded, System.currentTimeMillis()); // the engine's bytes: no second encoding
            return CompletableFuture.completedFuture(id);
        }

        @Override
        public synchronized void close() {
            closed = true;
        }
    }
}
