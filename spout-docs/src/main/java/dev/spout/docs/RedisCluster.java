package dev.spout.docs;

// snippet:redis-cluster
import dev.spout.engine.topic.Topic;
import dev.spout.redis.RedisBroker;
import dev.spout.server.Spout;
import dev.spout.sse.SseEvent;
// snippet:end

/** The README's "past one Redis": a node on a Redis Cluster, and a publish that is safe to retry. */
final class RedisCluster {
    private RedisCluster() {}

    static String publishOrder(String orderJson) {
        // snippet:redis-cluster
        var app = Spout.create(options -> options.broker(
                RedisBroker.create("redis://10.0.0.1:7000,redis://10.0.0.2:7000,redis://10.0.0.3:7000")));
        Topic orders = app.topic("user/{42}/orders"); // its keys on the slot of "42"

        String id;
        try {
            id = orders.publishOnce("order-1234", SseEvent.of(orderJson));
        } catch (RuntimeException unsure) { // a timeout or a failover: was it written? ask again, same key
            id = orders.publishOnce("order-1234", SseEvent.of(orderJson));
        }
        // snippet:end
        app.close();
        return id;
    }
}
