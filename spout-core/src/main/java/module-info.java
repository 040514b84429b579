/**
 * The Server-Sent Events wire format, as the WHATWG HTML Living Standard gives it: the {@link
 * dev.spout.sse.SseEvent} value, the {@link dev.spout.sse.SseEncoder} that writes it and the streaming
 * {@link dev.spout.sse.SseParser} that reads it back. No HTTP, and no dependency but JSpecify's nullness
 * annotations.
 */
module dev.spout.core {
    requires transitive org.jspecify;

    exports dev.spout.sse;
}
