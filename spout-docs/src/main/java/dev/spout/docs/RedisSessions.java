package dev.spout.docs;

// snippet:redis-sessions
import dev.spout.redis.RedisBroker;
import dev.spout.redis.RedisSessionStore;
import dev.spout.server.Spout;
// snippet:end

final class RedisSessions {
    private RedisSessions() {}

    static Spout node() {
        // snippet:redis-sessions
        var app = Spout.create(options -> options.broker(RedisBroker.create("redis://127.0.0.1:6379"))
                .sessions(RedisSessionStore.connect("redis://127.0.0.1:6379"))); // closed with the application
        // snippet:end
        return app;
    }
}
