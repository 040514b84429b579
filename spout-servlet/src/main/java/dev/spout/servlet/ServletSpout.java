package dev.spout.servlet;

import dev.spout.broker.BrokerHealth;
import dev.spout.engine.HostedOptions;
import dev.spout.engine.SpoutEngine;
import dev.spout.engine.SpoutStats;
import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.internal.Engine;
import dev.spout.engine.internal.HostedEngine;
import dev.spout.engine.internal.stream.Opening;
import dev.spout.engine.internal.stream.StreamSettings;
import dev.spout.engine.internal.stream.SubscriptionChoice;
import dev.spout.engine.stream.SseHandler;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.SubscriptionHandler;
import dev.spout.engine.topic.Topic;
import dev.spout.engine.topic.TopicOptions;
import dev.spout.servlet.internal.ServletAdmission;
import dev.spout.servlet.internal.SessionStreams;
import dev.spout.servlet.internal.StreamServlet;
import dev.spout.sse.SseEvent;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;

/**
 * Spout's engine inside a Jakarta Servlet 6.1 container (Tomcat, Jetty, and any other): topics that encode each
 * event once, exact {@code Last-Event-ID} replay, heartbeats, slow-client bounds and write timeouts, on the same
 * engine as Spout's own server, so the wire format, the headers and the behaviour are the same. Streams are written
 * without blocking ({@code WriteListener}); a per-client handler runs on a virtual thread.
 *
 * <pre>{@code
 * var spout = ServletSpout.create(options -> options.heartbeat(Duration.ofSeconds(15)));
 * Topic news = spout.topic("news");
 * servletContext.addServlet("news", spout.servlet(news)).addMapping("/news");   // or, in a servlet's doGet:
 * spout.stream(request, response, news);
 * news.publish("Spout is up");
 * }</pre>
 *
 * <p>Its options are the engine's ({@link HostedOptions}: heartbeat, write timeout, queue bound, slow-client policy,
 * stream limits, Retry-After, checkpoints, broker, shutdown timeout), every one of which applies: the container owns
 * the connectors, TLS, HTTP/2, CORS and sessions. Authorization is the application's, before the first byte: a topic's authorizer, a
 * subscription's refusal, an {@link Authorizer} given here, or the container's own security in front of the
 * servlet. {@link #close} ends every stream cleanly, so clients reconnect (here once it is back, or to another node).
 *
 * <p>How a client's leaving is noticed: the Servlet API has no close notification (jakartaee/servlet#44), so a
 * stream ends when a write fails, when the container reports an error ({@code AsyncListener.onError}, {@code
 * WriteListener.onError}) or when a write waits longer than the write timeout. A heartbeat is a write, and the
 * first write after a client's leaving only draws its reset: so here heartbeats go out at two fifths of the
 * interval, and a client's leaving is noticed within the heartbeat interval at worst (docs/servlet.md).
 */
public final class ServletSpout implements SpoutEngine, AutoCloseable {
    private final HostedEngine host;
    private final Engine engine;
    private final ServletAdmission admission;
    private final SessionStreams sessionListener;
    private final ThreadFactory handlerThreads = Opening.handlerThreads(""); // one for all: paths may be per user

    private ServletSpout(HostedOptions options) {
        host = new HostedEngine(options, servletSettings(options));
        engine = host.engine;
        admission = new ServletAdmission(engine.streams);
        sessionListener = new SessionStreams(engine.streams);
    }

    /**
     * The stream settings, with heartbeats at two fifths of the interval. A Servlet container never says that a
     * client has left: the first write after the leaving draws the client's reset, the second fails. With the
     * timer's tick at a quarter of the heartbeat period, two heartbeats and two ticks make the whole interval, so
     * a client's leaving is noticed within the configured interval at worst, as the proxies' idle timeouts that the
     * interval is chosen for need.
     */
    private static StreamSettings servletSettings(HostedOptions options) {
        StreamSettings settings = Engine.streamSettings(options);
        return settings.withHeartbeat(settings.heartbeat().multipliedBy(2).dividedBy(5));
    }

    /** Spout's engine with the default settings, running: its heartbeat timer is on. */
    public static ServletSpout create() {
        return new ServletSpout(new HostedOptions());
    }

    /** Spout's engine with adjusted settings, running. */
    public static ServletSpout create(Consumer<HostedOptions> settings) {
        var options = new HostedOptions();
        settings.accept(options);
        return new ServletSpout(options);
    }

    /** The topic of that name, created with the default options if it is new. */
    @Override
    public Topic topic(String name) {
        return host.topic(name);
    }

    /** The topic of that name, created with these options if it is new. */
    @Override
    public Topic topic(String name, Consumer<TopicOptions> settings) {
        return host.topic(name, settings);
    }

    /**
     * Topics made on demand: a name that matches {@code pattern} (such as {@code "user/*"}) gets these options when
     * it is first asked for, and the topic is reclaimed when it has been left empty.
     */
    public ServletSpout topicPattern(String pattern, Consumer<TopicOptions> settings) {
        host.topicPattern(pattern, settings);
        return this;
    }

    /** Publishes one event to several topics with one id in all of them; returns the id once it is stored. */
    @Override
    public String publish(SseEvent event, List<? extends Topic> topics) {
        return host.publish(event, topics);
    }

    /** {@link #publish(SseEvent, List)} without waiting. */
    @Override
    public CompletableFuture<String> publishAsync(SseEvent event, List<? extends Topic> topics) {
        return host.publishAsync(event, topics);
    }

    /**
     * Answers a request with a stream of the topic, resuming after its {@code Last-Event-ID}; the topic's own
     * authorizer decides first. Returns at once: the stream goes on in the request's async context.
     */
    public void stream(HttpServletRequest request, HttpServletResponse response, Topic topic)
            throws IOException, ServletException {
        var local = engine.topics.own(topic);
        admission.admit(request, response, local.settings().authorizer(), stream -> Opening.followTopic(stream, local));
    }

    /**
     * Answers a request with a stream of the topics the application chose for it ({@code Subscription.to(...)}), or
     * with its refusal ({@code Subscription.refuse(...)}); every chosen topic's authorizer decides too.
     */
    public void stream(HttpServletRequest request, HttpServletResponse response, Subscription subscription)
            throws IOException, ServletException {
        var choice = SubscriptionChoice.of(request.getRequestURI(), subscription, engine.topics);
        admission.admit(request, response, choice, choice::follow);
    }

    /** Answers a request with a stream of the topics that the handler chooses for it (see {@link #stream}). */
    public void subscribe(HttpServletRequest request, HttpServletResponse response, SubscriptionHandler handler)
            throws IOException, ServletException {
        var choice = new SubscriptionChoice(request.getRequestURI(), Authorizer.allowAll(), handler, engine.topics);
        admission.admit(request, response, choice, choice::follow);
    }

    /** Answers a request with a stream of its own, written by the handler on a virtual thread. */
    public void stream(HttpServletRequest request, HttpServletResponse response, SseHandler handler)
            throws IOException, ServletException {
        stream(request, response, Authorizer.allowAll(), handler);
    }

    /** {@link #stream(HttpServletRequest, HttpServletResponse, SseHandler)}, if the authorizer allows it. */
    public void stream(
            HttpServletRequest request, HttpServletResponse response, Authorizer authorizer, SseHandler handler)
            throws IOException, ServletException {
        Objects.requireNonNull(handler, "handler");
        admission.admit(request, response, authorizer, stream -> Opening.runHandler(stream, handler, handlerThreads));
    }

    /** A servlet that streams the topic at whatever path it is mapped to. */
    public HttpServlet servlet(Topic topic) {
        Objects.requireNonNull(topic, "topic");
        return new StreamServlet((request, response) -> stream(request, response, topic));
    }

    /** A servlet whose handler chooses each request's topics. */
    public HttpServlet subscriptionServlet(SubscriptionHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return new StreamServlet((request, response) -> subscribe(request, response, handler));
    }

    /** A servlet that gives each request a stream of its own, written by the handler. */
    public HttpServlet sseServlet(SseHandler handler) {
        return sseServlet(Authorizer.allowAll(), handler);
    }

    /** A servlet that gives each request the authorizer allows a stream of its own, written by the handler. */
    public HttpServlet sseServlet(Authorizer authorizer, SseHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return new StreamServlet((request, response) -> stream(request, response, authorizer, handler));
    }

    /**
     * The listener that ends a session's streams when the container's session ends (a sign-out that invalidates it,
     * as Spring Security's logout does; an expiry): a stream opened with a session was meant for whoever that
     * session belonged to. Register it once (the Spring Boot starter does):
     *
     * <pre>{@code
     * servletContext.addListener(spout.sessionListener());
     * }</pre>
     *
     * <p>A container expires a session by its own clock and rules: Jetty keeps a session alive while a request of it
     * is open (an open stream does), Tomcat does not.
     */
    public HttpSessionListener sessionListener() {
        return sessionListener;
    }

    @Override
    public BrokerHealth brokerHealth() {
        return host.brokerHealth();
    }

    /** The number of streams open now. */
    @Override
    public int openStreams() {
        return host.openStreams();
    }

    /** Counters and gauges: streams, heartbeats, slow clients, and per topic published, delivered, dropped, replayed. */
    @Override
    public SpoutStats stats() {
        return host.stats();
    }

    /** The topics, in no particular order. */
    @Override
    public List<Topic> topics() {
        return host.topics();
    }

    /**
     * Stops gracefully: no new streams (503 with Retry-After), every stream ended cleanly after what is queued for
     * it, waiting at most the shutdown timeout, then the broker and the threads are released. Call it before the
     * container stops, so clients see a clean end rather than a dropped connection.
     */
    @Override
    public void close() {
        host.close();
    }
}
