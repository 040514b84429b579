/** Spout topics on Redis Streams: one order for every node, and replay from any node. */
module dev.spout.redis {
    requires transitive dev.spout.broker;
    requires lettuce.core;
    requires org.slf4j;

    exports dev.spout.redis;
}
