package dev.spout.engine.host;

import dev.spout.broker.BrokerHealth;
import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.EngineOptions;
import dev.spout.engine.HttpStatusException;
import dev.spout.engine.SpoutEngine;
import dev.spout.engine.SpoutStats;
import dev.spout.engine.auth.Access;
import dev.spout.engine.internal.Engine;
import dev.spout.engine.internal.stream.EventStream;
import dev.spout.engine.internal.stream.Opening;
import dev.spout.engine.internal.stream.StreamSettings;
import dev.spout.engine.internal.stream.SubscriptionChoice;
import dev.spout.engine.internal.topic.LocalTopic;
import dev.spout.engine.topic.Topic;
import dev.spout.engine.topic.TopicOptions;
import dev.spout.sse.SseEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.eclipse.jetty.io.ByteBufferPool;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The engine, as its hosts reach it: Spout's own server, a Servlet container, WebFlux, or a fourth. A host hands it
 * each request for a stream and translates its {@link Admission} (the decisions, their order and statuses are the
 * engine's, so they are the same on every host), writes through a {@link StreamExchange} of its own, and reports
 * the client and the exchange to the {@link HostedStream}. Everything else is {@link SpoutEngine}'s.
 *
 * <pre>{@code
 * EngineHost engine = EngineHost.with(options).start();
 * Topic news = engine.topic("news");
 * Admission answer = engine.admit(new StreamRequest("GET", acceptHeaders, client, StreamSource.topic(news)));
 * }</pre>
 */
public final class EngineHost implements SpoutEngine {
    private static final Logger LOG = Logs.logger(EngineHost.class);

    private final EngineOptions<?> options;
    private final Engine engine;
    private final @Nullable QueuedThreadPool ownFanOut;
    private final ThreadFactory handlerThreads = Opening.handlerThreads("");
    private final AtomicBoolean closed = new AtomicBoolean();

    private EngineHost(Builder builder) {
        this.options = builder.options;
        StreamSettings settings = Engine.streamSettings(options);
        if (builder.heartbeat != null) {
            settings = settings.withHeartbeat(builder.heartbeat);
        }
        Executor fanOut = builder.fanOut;
        if (fanOut == null) {
            // Topics fan out on a pool of their own: the host's threads are its own, and a pass must never wait for
            // one. Jetty's pool, as on Spout's own server, so all hosts behave the same.
            ownFanOut =
                    new QueuedThreadPool(Math.max(8, 2 * Runtime.getRuntime().availableProcessors()), 2);
            ownFanOut.setName("spout-fanout");
            ownFanOut.setDaemon(true);
            try {
                ownFanOut.start();
            } catch (Exception failure) {
                throw new IllegalStateException(
                        "Cannot start Spout's fan-out threads: " + failure.getMessage(), failure);
            }
            fanOut = ownFanOut;
        } else {
            ownFanOut = null;
        }
        engine = Engine.of(options, settings, fanOut, builder.buffers != null ? builder.buffers : new HeapBuffers());
        engine.start(settings);
    }

    /** An engine with these options, started by {@link Builder#start()}. */
    public static Builder with(EngineOptions<?> options) {
        return new Builder(Objects.requireNonNull(options, "options"));
    }

    /** How a host tunes the engine it starts; each setting has a default that suits a host that brings nothing. */
    public static final class Builder {
        private final EngineOptions<?> options;
        private @Nullable Duration heartbeat;
        private @Nullable Executor fanOut;
        private @Nullable ByteBufferPool buffers;

        private Builder(EngineOptions<?> options) {
            this.options = options;
        }

        /**
         * The interval heartbeats actually go out at, where the host needs it shorter than the configured one (a
         * Servlet container, which never says a client left: there the heartbeats find it).
         */
        public Builder heartbeatEvery(Duration interval) {
            this.heartbeat = Objects.requireNonNull(interval, "interval");
            return this;
        }

        /** The threads topics fan out on (default: a small pool of the engine's own, stopped with it). */
        public Builder fanOutOn(Executor executor) {
            this.fanOut = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** Where coalesced writes get their buffers (default: heap buffers, for a host that copies them anyway). */
        public Builder buffers(ByteBufferPool pool) {
            this.buffers = Objects.requireNonNull(pool, "pool");
            return this;
        }

        /** The engine, running: its timer (heartbeats, write timeouts, history expiry) is on. */
        public EngineHost start() {
            return new EngineHost(this);
        }
    }

    /**
     * Decides on a request for a stream, in this order: the method (a GET), the {@code Accept} header (a browser
     * navigating to it is sent to its page, if it has one; {@code text/event-stream}, a wildcard or no header at all
     * takes the stream; anything else is {@code 406}), the host's rule and the source's authorizers ({@code 401}/{@code 403};
     * an {@link HttpStatusException} from one is answered with its status, any other failure {@code 500}, logged),
     * then the limits ({@code 503} with {@code Retry-After}). May block (an authorizer may): call it where blocking
     * is allowed.
     */
    public Admission admit(StreamRequest request) {
        String path = request.path();
        if (!"GET".equals(request.method())) {
            return new Admission.Refused(405, "A stream is asked for with GET", Map.of("Allow", "GET"));
        }
        Opening.Accept accept = Opening.accept(request.accept());
        if (request.pagePath() != null && accept.navigation()) {
            return new Admission.Redirected(request.pagePath());
        }
        if (!accept.takesStream()) {
            return new Admission.Refused(
                    406,
                    // No quotes: Jetty's error page escapes them as HTML entities even in its JSON form
                    "This is a Server-Sent Events stream: ask for it with Accept: text/event-stream (or */*, or no"
                            + " Accept header at all)",
                    Map.of());
        }
        Decision decision;
        try {
            Access host = request.hostRule().check(request.client());
            decision = host == Access.ALLOW ? decide(request) : new Decision(host, null);
        } catch (HttpStatusException refused) {
            return new Admission.Refused(refused.status(), refused.getMessage(), refused.headers());
        } catch (Exception failure) {
            LOG.error("The authorizer or subscription handler of {} failed", path, failure);
            return new Admission.Refused(500, "The stream's authorization failed", Map.of());
        }
        if (decision.access != Access.ALLOW) {
            return new Admission.Refused(decision.access.status(), null, Map.of());
        }
        String address = request.client().remoteAddress();
        if (!engine.streams.tryAdmit(address)) {
            return new Admission.Refused(
                    503,
                    engine.streams.stopping() ? "The server is stopping" : "Too many streams",
                    Map.of("Retry-After", Long.toString(engine.streams.retryAfterSeconds())));
        }
        return new Admission.Admitted(engine.streams, path, address, decision.start, decision.headers);
    }

    /** What the source decides for the client, and how its stream starts if admitted. */
    private record Decision(Access access, @Nullable Consumer<EventStream> start, Map<String, String> headers) {
        Decision(Access access, @Nullable Consumer<EventStream> start) {
            this(access, start, Map.of());
        }
    }

    private Decision decide(StreamRequest request) throws Exception {
        return switch (request.source()) {
            case Sources.OneTopic one -> {
                LocalTopic topic = engine.topics.own(one.topic());
                yield new Decision(
                        topic.settings().authorizer().check(request.client()),
                        stream -> Opening.followTopic(stream, topic));
            }
            case Sources.Chosen chosen ->
                chosen(SubscriptionChoice.decide(chosen.subscription(), request.client(), engine.topics));
            case Sources.ChosenPerRequest perRequest ->
                chosen(SubscriptionChoice.decide(
                        Objects.requireNonNull(
                                perRequest.handler().subscribe(request.client()),
                                () -> "The subscription handler of "
                                        + request.client().path() + " returned null"),
                        request.client(),
                        engine.topics));
            case Sources.Handler handler ->
                new Decision(
                        handler.authorizer().check(request.client()),
                        stream -> Opening.runHandler(stream, handler.handler(), handlerThreads));
        };
    }

    private static Decision chosen(SubscriptionChoice choice) {
        return new Decision(choice.access(), choice::follow, choice.headers());
    }

    /**
     * Ends the streams opened with this session ({@link Admission.Admitted#open}'s {@code session}), now: the user
     * signed out, or the session expired.
     */
    public void endSession(Object session) {
        engine.streams.endSession(Objects.requireNonNull(session, "session"));
    }

    /** Topics made on demand: a name that matches {@code pattern} (such as {@code "user/*"}) gets these options. */
    public void topicPattern(String pattern, Consumer<TopicOptions> settings) {
        engine.topics.pattern(pattern, Objects.requireNonNull(settings, "settings"));
    }

    @Override
    public Topic topic(String name) {
        return engine.topics.topic(name, null);
    }

    @Override
    public Topic topic(String name, Consumer<TopicOptions> settings) {
        return engine.topics.topic(name, Objects.requireNonNull(settings, "settings"));
    }

    @Override
    public String publish(SseEvent event, List<? extends Topic> topics) {
        return engine.topics.publishAndWait(event, topics);
    }

    @Override
    public CompletableFuture<String> publishAsync(SseEvent event, List<? extends Topic> topics) {
        return engine.topics.publish(event, topics);
    }

    @Override
    public String publishOnce(String key, SseEvent event, List<? extends Topic> topics) {
        return engine.topics.publishOnceAndWait(key, event, topics);
    }

    @Override
    public CompletableFuture<String> publishOnceAsync(String key, SseEvent event, List<? extends Topic> topics) {
        return engine.topics.publishOnce(key, event, topics);
    }

    @Override
    public BrokerHealth brokerHealth() {
        return options.broker().health();
    }

    @Override
    public int openStreams() {
        return engine.streams.size();
    }

    @Override
    public SpoutStats stats() {
        return engine.snapshot();
    }

    @Override
    public List<Topic> topics() {
        return engine.topics.all();
    }

    /**
     * The first half of a graceful stop, for a host that must stop its own server between the two: new streams are
     * refused, every open one ends cleanly after what is queued for it, and this waits up to the options' shutdown
     * timeout for their exchanges to end.
     */
    public void endStreams() {
        engine.endStreams(options.shutdownTimeout());
    }

    /** The second half: the timer, the topics and the broker stop, and the fan-out threads if they are the engine's. */
    public void release() {
        try {
            engine.release(options.broker());
        } finally {
            if (ownFanOut != null) {
                try {
                    ownFanOut.stop();
                } catch (Exception failure) {
                    LOG.warn("Spout's fan-out threads did not stop cleanly", failure);
                }
            }
        }
    }

    /** The graceful stop, once: {@link #endStreams()}, then {@link #release()}. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return; // once: a container's lifecycle and a try-with-resources may both close it
        }
        endStreams();
        release();
    }
}
