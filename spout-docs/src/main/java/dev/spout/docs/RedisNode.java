package dev.spout.docs;

// snippet:redis
import dev.spout.redis.RedisBroker;
import dev.spout.server.Spout;
// snippet:end

final class RedisNode {
    private RedisNode() {}

    static Spout node() {
        // snippet:redis
        var app = Spout.create(options -> options.broker(RedisBroker.create("redis://127.0.0.1:6379")));
        // snippet:end
        return app;
    }
}
