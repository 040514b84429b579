/**
 * Spout topics on Redis Streams: one order for every node, and replay from any node; and sessions in Redis, so every
 * node finds every session.
 */
module dev.spout.redis {
    requires transitive dev.spout.broker;
    requires lettuce.core;
    requires reactor.core; // Lettuce's own dependency: its event bus tells when a cluster's masters change
    requires org.slf4j;
    // Only RedisSessionStore needs these; a Spout application has them, a process with only the broker does not.
    requires static dev.spout.server;
    requires static tools.jackson.databind;

    exports dev.spout.redis;
}
