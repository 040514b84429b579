package dev.spout.engine.host;

import dev.spout.engine.internal.stream.EventStream;
import dev.spout.engine.internal.stream.Opening;
import dev.spout.engine.internal.stream.Streams;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The engine's answer to a request for a stream ({@link EngineHost#admit}), which its host only translates into its
 * own terms: refuse with a status (and the headers it needs), send a browser to the stream's page, or open the stream
 * with these headers. Every refusal comes before the first byte.
 *
 * <pre>{@code
 * switch (engine.admit(asked)) {
 *     case Admission.Refused refused -> response.sendError(refused.status(), refused.reason());
 *     case Admission.Redirected redirected -> response.sendRedirect(redirected.location());
 *     case Admission.Admitted admitted -> {
 *         admitted.headers().forEach(response::setHeader);
 *         HostedStream stream = admitted.open(new MyExchange(response), request.getSession(false));
 *         admitted.start();
 *     }
 * }
 * }</pre>
 */
public sealed interface Admission permits Admission.Refused, Admission.Redirected, Admission.Admitted {

    /**
     * The request may not have the stream.
     *
     * @param status {@code 401}, {@code 403}, {@code 405}, {@code 406}, {@code 503} (a limit, or the engine stopping),
     *     {@code 500} (an authorizer failed: logged), or an {@code HttpStatusException}'s
     * @param reason why, for the client, or null for the status's own phrase
     * @param headers what the status needs: {@code Allow} with a 405, {@code Retry-After} with a 503
     */
    record Refused(int status, @Nullable String reason, Map<String, String> headers) implements Admission {
        public Refused {
            headers = Map.copyOf(headers);
        }
    }

    /** A browser navigated to the stream (it does not take {@code text/event-stream}): send it to the page. */
    record Redirected(String location) implements Admission {}

    /**
     * The request may have the stream, and holds a place among the limits: send the headers, then {@link #open} it
     * with the host's exchange and {@link #start} it. A host that cannot open it after all must {@link #abandon} it.
     */
    final class Admitted implements Admission {
        private static final Map<String, String> HEADERS = Map.of(
                "Content-Type", Opening.CONTENT_TYPE,
                "Cache-Control", "no-cache",
                "X-Accel-Buffering", "no"); // nginx-style proxies pass each event on at once

        private final Streams streams;
        private final String path;
        private final String address;
        private final Consumer<EventStream> start;
        private @Nullable EventStream stream;
        private boolean settled;

        private final Map<String, String> headers;

        Admitted(Streams streams, String path, String address, Consumer<EventStream> start, Map<String, String> extra) {
            this.streams = streams;
            this.path = path;
            this.address = address;
            this.start = start;
            if (extra.isEmpty()) {
                this.headers = HEADERS;
            } else {
                var all = new java.util.LinkedHashMap<>(HEADERS);
                all.putAll(extra);
                this.headers = java.util.Collections.unmodifiableMap(all);
            }
        }

        /**
         * The stream's headers: {@code Content-Type: text/event-stream}, {@code Cache-Control: no-cache}, {@code
         * X-Accel-Buffering: no}, and a subscription's own ({@code Subscription.Topics#withHeader}). A host adds its
         * own (on HTTP/1.x, {@code Connection: close}, so the body is delimited by the connection's end rather than by
         * chunks).
         */
        public Map<String, String> headers() {
            return headers;
        }

        /**
         * Opens the stream on the host's exchange: it counts among the open streams (and its exchange among those a
         * graceful stop waits for) from now on. {@code session} is what ends it with the user's session ({@link
         * EngineHost#endSession}), or null.
         *
         * @throws IllegalStateException if it was opened or abandoned already
         */
        public synchronized HostedStream open(StreamExchange exchange, @Nullable Object session) {
            settle();
            streams.exchangeStarted();
            stream = Opening.register(path, Objects.requireNonNull(exchange, "exchange"), streams, address, session);
            return stream;
        }

        /**
         * Starts the opened stream (it follows its topics, from the request's {@code Last-Event-ID}, or its handler
         * runs), once the host has tied its side to it. A start that fails ends the stream, logged once.
         */
        public void start() {
            EventStream opened;
            synchronized (this) {
                opened = stream;
            }
            if (opened == null) {
                throw new IllegalStateException("Open the stream before starting it");
            }
            Opening.start(opened, start);
        }

        /** The host will not open the stream after all: its place among the limits is given back. */
        public synchronized void abandon() {
            settle();
            streams.abandoned(address);
        }

        private void settle() {
            if (settled) {
                throw new IllegalStateException("The admitted stream of " + path + " was opened or abandoned already");
            }
            settled = true;
        }
    }
}
