package dev.spout.engine.stream;

/**
 * The code that serves one client of an SSE endpoint. It runs once per connected
 * client, on its own virtual thread, so blocking is cheap: a loop that sends and then sleeps is the normal shape.
 *
 * <pre>{@code
 * SseHandler clock = sse -> {
 *     while (true) {
 *         sse.send(Instant.now().toString());
 *         Thread.sleep(1000);        // a virtual thread: as cheap as SRFI-18's thread-sleep!
 *     }
 * };
 * }</pre>
 *
 * <p>When the client leaves, a blocked {@code send} throws {@link StreamClosedException} and a sleeping handler
 * is interrupted, within a second; let either propagate. Returning ends the stream cleanly. Any other exception is
 * logged once, with the path, and ends the stream.
 */
@FunctionalInterface
public interface SseHandler {
    void stream(SseStream sse) throws Exception;
}
