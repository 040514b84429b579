/**
 * Spout's server: pages, Server-Sent Events endpoints and plain HTTP endpoints on embedded Jetty 12. Start at {@link
 * dev.spout.server.Spout}; build page contents with {@link dev.spout.html.Html}.
 */
module dev.spout.server {
    requires transitive dev.spout.core;
    requires transitive dev.spout.broker;
    requires transitive org.eclipse.jetty.server;
    requires org.eclipse.jetty.http2.server;
    requires org.eclipse.jetty.alpn.server;
    requires org.eclipse.jetty.alpn.java.server;
    requires org.slf4j;
    requires jdk.management; // the process's limit of open files, for the default connection limit
    requires tools.jackson.databind;

    exports dev.spout.server;
    exports dev.spout.server.http;
    exports dev.spout.server.auth;
    exports dev.spout.server.page;
    exports dev.spout.server.stream;
    exports dev.spout.server.topic;
    exports dev.spout.live;
    exports dev.spout.html;
    // The engine, for the Servlet and WebFlux adapters: the same streams and topics in another host, not a fork.
    exports dev.spout.server.internal to
            dev.spout.servlet,
            dev.spout.webflux;
    exports dev.spout.server.internal.stream to
            dev.spout.servlet,
            dev.spout.webflux;
    exports dev.spout.server.internal.topic to
            dev.spout.servlet,
            dev.spout.webflux;
}
