package dev.spout.engine.host;

/**
 * A stream as its host holds it, once the engine has admitted and opened it: what the host tells the engine of the
 * client and of the HTTP exchange. Everything else (writing, heartbeats, the slow-client bound, the end) is the
 * engine's.
 *
 * <pre>{@code
 * HostedStream stream = admitted.open(exchange, session);
 * container.onClientReset(cause -> stream.clientGone(cause));
 * container.onComplete(stream::exchangeEnded);
 * admitted.start();
 * }</pre>
 */
public interface HostedStream {

    /** The host found the client gone (a reset, a failed write of its own, a cancelled subscription). */
    void clientGone(Throwable cause);

    /** Whether the stream is still open. */
    boolean isOpen();

    /**
     * The host's HTTP exchange for this stream has ended (its last byte written, or aborted): once per stream. A
     * graceful stop waits for every exchange to end.
     */
    void exchangeEnded();
}
