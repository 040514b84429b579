/** The event-stream format cases of the web-platform-tests, re-derived from the standard, as data. */
module dev.spout.conformance {
    exports dev.spout.conformance;
}
