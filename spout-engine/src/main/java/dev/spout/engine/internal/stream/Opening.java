package dev.spout.engine.internal.stream;

import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.host.StreamExchange;
import dev.spout.engine.internal.topic.LocalTopic;
import dev.spout.engine.stream.CloseReason;
import dev.spout.engine.stream.SseHandler;
import dev.spout.engine.topic.EventFilter;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * How an admitted request becomes a stream, whatever serves it: Spout's own endpoints and the Servlet adapter both
 * open their streams here, so a stream behaves the same on either (the order of its start, where it resumes, the
 * thread of its handler).
 */
public final class Opening {
    private static final Logger LOG = Logs.logger(Opening.class);
    /** The content type of every stream. */
    public static final String CONTENT_TYPE = "text/event-stream";

    private Opening() {}

    /**
     * What a request's {@code Accept} values say of a stream, read once ({@link AcceptHeader}): whether it takes one
     * (named with a non-zero quality, taken by a wildcard, or no {@code Accept} at all), and whether it is a browser's
     * navigation to the stream's address rather than an {@code EventSource}.
     *
     * @param takesStream whether a response of {@code text/event-stream} is acceptable
     * @param navigation whether a browser navigates to the address (it names {@code text/html}, not event streams)
     */
    public record Accept(boolean takesStream, boolean navigation) {}

    private static final Accept EVENT_SOURCE = new Accept(true, false);

    /** The request's {@code Accept}; {@code EventSource}'s exact {@code text/event-stream} is a fast path. */
    public static Accept accept(List<String> acceptValues) {
        if (isEventSource(acceptValues)) {
            return EVENT_SOURCE;
        }
        var header = AcceptHeader.read(acceptValues);
        return new Accept(header.takesStream(), header.isNavigation());
    }

    private static boolean isEventSource(List<String> acceptValues) {
        return acceptValues.size() == 1 && acceptValues.getFirst().equalsIgnoreCase(CONTENT_TYPE);
    }

    /**
     * A new stream for a request that holds a slot of the limits ({@link Streams#tryAdmit}) and whose headers are
     * set: counted among the open streams from now on, and ended by the application's stop and by {@link
     * Streams#endSession} of its {@code session} (null: opened without one).
     */
    public static EventStream register(
            String path, StreamExchange exchange, Streams streams, String address, Object session) {
        var stream = new EventStream(path, exchange, streams, address, session);
        streams.add(stream);
        return stream;
    }

    /**
     * Starts an admitted stream with {@code start} (follow a topic, join several, run a handler). A start that fails
     * (a replay the broker cannot read, a topic that has closed) ends the stream at once, as failed, with the cause
     * logged here, once: a host whose request has already gone async must not be left with a stream that never
     * writes.
     */
    public static void start(EventStream stream, Consumer<EventStream> start) {
        try {
            start.accept(stream);
        } catch (RuntimeException | Error failure) {
            LOG.error("The stream at {} for {} could not start", stream.path, stream.exchange.remoteAddress(), failure);
            stream.closeWith(new CloseReason.Failed(failure));
        }
    }

    /** The stream follows one topic, from its request's {@code Last-Event-ID} exactly, and starts writing. */
    public static void followTopic(EventStream stream, LocalTopic topic) {
        followTopic(stream, topic, null, null);
    }

    /**
     * The stream follows the topic, sending the events {@code filter} accepts (all if null), after {@code
     * lastEventId} if given, else after its {@code Last-Event-ID} header.
     */
    static void followTopic(
            EventStream stream, LocalTopic topic, @Nullable EventFilter filter, @Nullable String lastEventId) {
        String resumeAfter = lastEventId != null
                ? lastEventId
                : stream.request().header("Last-Event-ID").orElse(null);
        stream.exchange.releaseAfterHeaders();
        if (filter != null) {
            stream.filterBy(topic, filter);
        }
        topic.subscribe(stream, resumeAfter);
        if (filter != null) {
            filter.opened();
        }
        stream.writePending();
    }

    /** The stream is a per-client handler's: it runs on a new thread of {@code threads} (virtual ones). */
    public static void runHandler(EventStream stream, SseHandler handler, ThreadFactory threads) {
        var client = new ClientStream(stream);
        threads.newThread(() -> client.run(handler)).start();
    }

    /** The threads of a path's per-client handlers: virtual, named after the path. */
    public static ThreadFactory handlerThreads(String path) {
        return Thread.ofVirtual().name("spout-sse" + path + "#", 1).factory();
    }
}
