/**
 * An EventSource for Java on {@code java.net.http}: reconnects after the server's delay with backoff, resumes by
 * {@code Last-Event-ID}, and streams from POST APIs. Start at {@link dev.spout.client.EventSource}.
 */
module dev.spout.client {
    requires transitive dev.spout.core;
    requires transitive java.net.http;

    exports dev.spout.client;
}
