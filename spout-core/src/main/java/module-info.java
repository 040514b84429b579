/**
 * The Server-Sent Events wire format, as the WHATWG HTML Living Standard gives it: the {@link
 * dev.spout.sse.SseEvent} value, the {@link dev.spout.sse.SseEncoder} that writes it and the streaming
 * {@link dev.spout.sse.SseParser} that reads it back. No dependencies, no HTTP.
 */
module dev.spout.core {
    exports dev.spout.sse;
}
