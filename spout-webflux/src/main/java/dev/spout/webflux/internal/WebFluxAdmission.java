package dev.spout.webflux.internal;

import dev.spout.engine.HttpStatusException;
import dev.spout.engine.auth.Access;
import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.internal.stream.EventStream;
import dev.spout.engine.internal.stream.Opening;
import dev.spout.engine.internal.stream.Streams;
import dev.spout.webflux.WebFluxClientRequest;
import java.security.Principal;
import java.util.Optional;
import java.util.function.Consumer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Flux;
import reactor.core.publisher.FluxSink;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Who may open a stream in WebFlux, the headers it goes out with, and its events: the same checks in the same order
 * as on Spout's own server (method, {@code Accept}, the authorizer, the limits), each refusal a {@link
 * ResponseStatusException} before the first event, so WebFlux answers it with the same status.
 *
 * <p>Authorizers and subscription handlers are Spout's, written to block if they need to (a database, a directory):
 * they run on Reactor's bounded elastic threads, never on the server's event loop.
 */
public final class WebFluxAdmission {
    private final Streams streams;
    private final SessionStreams sessions;

    public WebFluxAdmission(Streams streams, SessionStreams sessions) {
        this.streams = streams;
        this.sessions = sessions;
    }

    /** The request's stream, handed to {@code start} once it is admitted, or its refusal. */
    public Flux<ServerSentEvent<String>> admit(
            ServerWebExchange exchange, Authorizer authorizer, Consumer<EventStream> start) {
        var request = exchange.getRequest();
        if (request.getMethod() != HttpMethod.GET) {
            return Flux.error(new Refusal(HttpStatus.METHOD_NOT_ALLOWED, null, HttpHeaders.ALLOW, "GET"));
        }
        if (!Opening.acceptsEventStream(request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT))) {
            return Flux.error(new Refusal(
                    HttpStatus.NOT_ACCEPTABLE,
                    "This is a Server-Sent Events stream: request it with 'Accept: text/event-stream'",
                    null,
                    null));
        }
        // The session only if one was started: a stream must not start one (and set a cookie) of its own.
        Mono<Optional<WebSession>> session =
                exchange.getSession().map(s -> s.isStarted() ? Optional.of(s) : Optional.<WebSession>empty());
        return exchange.getPrincipal()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .zipWith(session)
                .publishOn(Schedulers.boundedElastic())
                .flatMapMany(found -> decide(
                        exchange, found.getT1().orElse(null), found.getT2().orElse(null), authorizer, start));
    }

    private Flux<ServerSentEvent<String>> decide(
            ServerWebExchange exchange,
            Principal user,
            WebSession session,
            Authorizer authorizer,
            Consumer<EventStream> start) {
        var client = new WebFluxClientRequest(exchange, user);
        Access access;
        try {
            access = authorizer.check(client);
        } catch (HttpStatusException refused) { // a refusal with its status, or a bound met (too many topics)
            return Flux.error(new Refusal(HttpStatusCode.valueOf(refused.status()), refused.getMessage(), null, null));
        } catch (Exception failure) {
            return Flux.error(new IllegalStateException("The authorizer of " + client.path() + " failed", failure));
        }
        if (access != Access.ALLOW) {
            return Flux.error(new Refusal(HttpStatusCode.valueOf(access.status()), null, null, null));
        }
        return Flux.create(sink -> open(exchange, client, session, start, sink), FluxSink.OverflowStrategy.BUFFER);
    }

    /** Within the limits, the stream opens; else 503 with Retry-After, as on Spout's own server. */
    private void open(
            ServerWebExchange exchange,
            WebFluxClientRequest client,
            WebSession session,
            Consumer<EventStream> start,
            FluxSink<ServerSentEvent<String>> sink) {
        String address = client.remoteAddress();
        if (!streams.tryAdmit(address)) {
            sink.error(new Refusal(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    streams.stopping() ? "The server is stopping" : "Too many streams",
                    HttpHeaders.RETRY_AFTER,
                    Long.toString(streams.retryAfterSeconds())));
            return;
        }
        var headers = exchange.getResponse().getHeaders();
        headers.set(HttpHeaders.CACHE_CONTROL, "no-cache");
        headers.set("X-Accel-Buffering", "no");
        streams.exchangeStarted();
        var fluxExchange = new FluxExchange(client, exchange.getResponse(), sink, streams);
        EventStream stream = Opening.register(client.path(), fluxExchange, streams, address, session);
        fluxExchange.attach(stream);
        if (session != null) {
            sessions.opened(session);
        }
        Opening.start(stream, start);
    }

    /** A refusal before the first event, with the header it needs (Allow, Retry-After) for WebFlux to answer. */
    static final class Refusal extends ResponseStatusException {
        private final HttpHeaders headers = new HttpHeaders();

        Refusal(HttpStatusCode status, String reason, String header, String value) {
            super(status, reason);
            if (header != null) {
                headers.set(header, value);
            }
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
