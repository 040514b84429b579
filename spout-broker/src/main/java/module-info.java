/**
 * The broker SPI: where Spout's topics get their one order and their ids, and how a broker hands events to a node
 * (see {@link dev.spout.broker.Broker}). Depends only on the wire format, so a broker (Redis, Kafka, a database)
 * needs no web server on its class path.
 */
module dev.spout.broker {
    requires transitive dev.spout.core;

    exports dev.spout.broker;
}
