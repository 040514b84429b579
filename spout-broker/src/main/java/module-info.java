/**
 * The broker SPI: where Spout's topics get their one order and their ids, and how a broker hands events to a node
 * (see {@link dev.spout.broker.Broker}). Depends only on the wire format and SLF4J's API, so a broker (Redis, Kafka, a
 * database) needs no web server on its class path. Its {@code internal.log} package is where every Spout module gets
 * its loggers.
 */
module dev.spout.broker {
    requires transitive dev.spout.core;
    requires org.slf4j;

    exports dev.spout.broker;
    exports dev.spout.broker.internal.log to
            dev.spout.engine,
            dev.spout.server,
            dev.spout.redis,
            dev.spout.servlet,
            dev.spout.webflux,
            dev.spout.mercure;

    uses org.slf4j.spi.SLF4JServiceProvider;
}
