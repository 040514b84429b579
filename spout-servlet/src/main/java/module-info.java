/**
 * Spout's streams and topics in any Jakarta Servlet 6.1 container, on Spout's own engine: start at {@link
 * dev.spout.servlet.ServletSpout}.
 */
module dev.spout.servlet {
    requires transitive dev.spout.engine;
    requires transitive jakarta.servlet;
    requires org.slf4j;

    exports dev.spout.servlet;
}
