package dev.spout.webflux;

import dev.spout.engine.HostedOptions;
import dev.spout.engine.host.EngineFront;
import dev.spout.engine.host.EngineHost;
import dev.spout.engine.host.StreamSource;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.SubscriptionHandler;
import dev.spout.engine.topic.Topic;
import dev.spout.engine.topic.TopicOptions;
import dev.spout.webflux.internal.SessionStreams;
import dev.spout.webflux.internal.WebFluxAdmission;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.server.HandlerFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Flux;

/**
 * Spout's engine for Spring WebFlux: a request's stream of a topic, or of the topics a subscription chooses, as a
 * {@code Flux<ServerSentEvent<String>>} that a controller returns. The stream resumes exactly after the request's
 * {@code Last-Event-ID}, gets heartbeats (empty comments) when idle, and is cut off when its client falls further
 * behind than the slow-client bound; refusals (the topic's authorizer, a subscription's refusal, the stream limits)
 * are answered before the first event with Spout's statuses.
 *
 * <pre>{@code
 * @RestController
 * class News {
 *     private final WebFluxSpout spout;
 *     private final Topic news;
 *     News(WebFluxSpout spout) { this.spout = spout; news = spout.topic("news"); }
 *
 *     @GetMapping(path = "/news", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
 *     Flux<ServerSentEvent<String>> news(ServerWebExchange exchange) { return spout.events(exchange, news); }
 * }
 * }</pre>
 *
 * <p>What differs from Spout's own server and Servlet containers: WebFlux encodes the {@code ServerSentEvent}s of
 * each stream itself, so an event is encoded once per stream here rather than once for all (the engine's bytes are
 * parsed back into events for it); a client reads the same events (data, type, id), though WebFlux writes its
 * fields without the space after the colon. The events of the {@code Flux} may be mapped or filtered like any other; a write of the engine completes
 * when WebFlux has asked for its events, so the slow-client bound applies to what the network takes.
 */
public final class WebFluxSpout extends EngineFront implements AutoCloseable {
    private final WebFluxAdmission admission;
    private final SessionStreams sessions;

    private WebFluxSpout(HostedOptions options) {
        // WebFlux's server hears a client's leaving (the connection closes, the subscription is cancelled), so the
        // heartbeats keep the configured interval.
        super(EngineHost.with(options).start());
        sessions = new SessionStreams(host());
        admission = new WebFluxAdmission(host(), sessions);
    }

    /** Spout's engine with the default settings, running: its heartbeat timer is on. */
    public static WebFluxSpout create() {
        return new WebFluxSpout(new HostedOptions());
    }

    /** Spout's engine with adjusted settings, running. */
    public static WebFluxSpout create(Consumer<HostedOptions> settings) {
        var options = new HostedOptions();
        settings.accept(options);
        return new WebFluxSpout(options);
    }

    /**
     * The request's stream of the topic, from its {@code Last-Event-ID}: the topic's own authorizer decides first
     * (with the exchange's principal as the user).
     */
    public Flux<ServerSentEvent<String>> events(ServerWebExchange exchange, Topic topic) {
        return admission.admit(exchange, StreamSource.topic(topic));
    }

    /**
     * The request's stream of the topics the application chose for it ({@code Subscription.to(...)}), or its
     * refusal ({@code Subscription.refuse(...)}); every chosen topic's authorizer decides too. Several topics make
     * one stream with ids of its own, from which it resumes in all of them.
     */
    public Flux<ServerSentEvent<String>> events(ServerWebExchange exchange, Subscription subscription) {
        return admission.admit(exchange, StreamSource.subscription(subscription));
    }

    /** The request's stream of the topics that the handler chooses for it, from its principal, path or query. */
    public Flux<ServerSentEvent<String>> subscribe(ServerWebExchange exchange, SubscriptionHandler handler) {
        return admission.admit(exchange, StreamSource.chosenBy(handler));
    }

    /** A functional route's handler that streams the topic: {@code route().GET("/news", spout.handler(news))}. */
    public HandlerFunction<ServerResponse> handler(Topic topic) {
        Objects.requireNonNull(topic, "topic");
        return request -> ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .body(events(request.exchange(), topic), ServerSentEvent.class);
    }

    /** A functional route's handler whose subscription handler chooses each request's topics. */
    public HandlerFunction<ServerResponse> subscriptionHandler(SubscriptionHandler handler) {
        Objects.requireNonNull(handler, "handler");
        return request -> ServerResponse.ok()
                .contentType(MediaType.TEXT_EVENT_STREAM)
                .body(subscribe(request.exchange(), handler), ServerSentEvent.class);
    }

    /**
     * Topics made on demand: a name that matches {@code pattern} (such as {@code "user/*"}) gets these options when
     * it is first asked for, and the topic is reclaimed when it has been left empty.
     */
    public WebFluxSpout topicPattern(String pattern, Consumer<TopicOptions> settings) {
        host().topicPattern(pattern, settings);
        return this;
    }

    /**
     * Ends the streams opened with this session, now: call it where the application signs a user out without
     * invalidating the session (the Spring Boot starter does so for Spring Security's logout). A session that is
     * invalidated or expires ends its streams within a second without it: WebFlux's session stores announce neither.
     *
     * <pre>{@code
     * exchange.getSession().doOnNext(spout::endSession)
     * }</pre>
     */
    public void endSession(WebSession session) {
        sessions.ended(Objects.requireNonNull(session, "session"));
    }

    /**
     * Stops gracefully: no new streams (503 with Retry-After), every stream ended cleanly after what is queued for
     * it (the {@code Flux} completes, so clients reconnect), waiting at most the shutdown timeout, then the broker
     * and the threads are released. Call it before the server stops.
     */
    @Override
    public void close() {
        sessions.close();
        super.close();
    }
}
