/**
 * Helpers for testing event streams for real: an HTTP client that hands over events one at a time, and bounded
 * waits on a condition.
 */
module dev.spout.testkit {
    requires transitive dev.spout.core;
    requires awaitility;
    requires transitive java.net.http;

    exports dev.spout.testkit;
}
