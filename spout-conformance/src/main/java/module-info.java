/** The event-stream format cases of the web-platform-tests, re-derived from the standard, as data. */
module dev.spout.conformance {
    requires static org.jspecify;

    exports dev.spout.conformance;
}
