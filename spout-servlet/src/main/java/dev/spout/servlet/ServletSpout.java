package dev.spout.servlet;

import dev.spout.engine.HostedOptions;
import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.host.EngineFront;
import dev.spout.engine.host.EngineHost;
import dev.spout.engine.host.StreamSource;
import dev.spout.engine.stream.SseHandler;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.SubscriptionHandler;
import dev.spout.engine.topic.Topic;
import dev.spout.engine.topic.TopicOptions;
import dev.spout.servlet.internal.ServletAdmission;
import dev.spout.servlet.internal.SessionStreams;
import dev.spout.servlet.internal.StreamServlet;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSessionListener;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;
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
public final class ServletSpout extends EngineFront implements AutoCloseable {
    private final ServletAdmission admission;
    private final SessionStreams sessionListener;

    private ServletSpout(HostedOptions options) {
        super(EngineHost.with(options).heartbeatEvery(servletHeartbeat(options)).start());
        admission = new ServletAdmission(host());
        sessionListener = new SessionStreams(host());
    }

    /**
     * Heartbeats at two fifths of the interval. A Servlet container never says that a client has left: the first
     * write after the leaving draws the client's reset, the second fails. With the timer's tick at a quarter of the
     * heartbeat period, two heartbeats and two ticks make the whole interval, so a client's leaving is noticed within
     * the configured interval at worst, as the proxies' idle timeouts that the interval is chosen for need.
     */
    private static Duration servletHeartbeat(HostedOptions options) {
        return options.heartbeat().multipliedBy(2).dividedBy(5);
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

    /**
     * Topics made on demand: a name that matches {@code pattern} (such as {@code "user/*"}) gets these options when
     * it is first asked for, and the topic is reclaimed when it has been left empty.
     */
    public ServletSpout topicPattern(String pattern, Consumer<TopicOptions> settings) {
        host().topicPattern(pattern, settings);
        return this;
    }

    /**
     * Answers a request with a stream of the topic, resuming after its {@code Last-Event-ID}; the topic's own
     * authorizer decides first. Returns at once: the stream goes on in the request's async context.
     */
    public void stream(HttpServletRequest request, HttpServletResponse response, Topic topic)
            throws IOException, ServletException {
        admission.admit(request, response, StreamSource.topic(topic));
    }

    /**
     * Answers a request with a stream of the topics the application chose for it ({@code Subscription.to(...)}), or
     * with its refusal ({@code Subscription.refuse(...)}); every chosen topic's authorizer decides too.
     */
    public void stream(HttpServletRequest request, HttpServletResponse response, Subscription subscription)
            throws IOException, ServletException {
        admission.admit(request, response, StreamSource.subscription(subscription));
    }

    /** Answers a request with a stream of the topics that the handler chooses for it (see {@link #stream}). */
    public void subscribe(HttpServletRequest request, HttpServletResponse response, SubscriptionHandler handler)
            throws IOException, ServletException {
        admission.admit(request, response, StreamSource.chosenBy(handler));
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
        admission.admit(request, response, StreamSource.handler(authorizer, handler));
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

    /**
     * Stops gracefully: no new streams (503 with Retry-After), every stream ended cleanly after what is queued for
     * it, waiting at most the shutdown timeout, then the broker and the threads are released. Call it before the
     * container stops, so clients see a clean end rather than a dropped connection.
     */
    @Override
    public void close() {
        super.close();
    }
}
