/**
 * Spout's server: pages, Server-Sent Events endpoints and plain HTTP endpoints on embedded Jetty 12, the engine's own
 * host. Start at {@link dev.spout.server.Spout}; build page contents with {@link dev.spout.html.Html}.
 */
module dev.spout.server {
    requires transitive dev.spout.engine;
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
    exports dev.spout.live;
    exports dev.spout.html;
}
