package dev.spout.webflux.internal;

import dev.spout.engine.host.Admission;
import dev.spout.engine.host.EngineHost;
import dev.spout.engine.host.HostedStream;
import dev.spout.engine.host.StreamRequest;
import dev.spout.engine.host.StreamSource;
import dev.spout.webflux.WebFluxClientRequest;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
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
 * A request for a stream in WebFlux: the engine decides ({@link EngineHost#admit}, the same checks in the same order
 * and with the same statuses as on Spout's own server), and this translates its answer: a refusal is a {@link
 * ResponseStatusException} before the first event, so WebFlux answers it with its status; an admitted stream is a
 * {@code Flux} of its events.
 *
 * <p>Authorizers and subscription handlers are Spout's, written to block if they need to (a database, a directory):
 * the decision is made on Reactor's bounded elastic threads, never on the server's event loop.
 */
public final class WebFluxAdmission {
    private final EngineHost engine;
    private final SessionStreams sessions;

    public WebFluxAdmission(EngineHost engine, SessionStreams sessions) {
        this.engine = engine;
        this.sessions = sessions;
    }

    /** The request's stream of {@code source}, or its refusal. */
    public Flux<ServerSentEvent<String>> admit(ServerWebExchange exchange, StreamSource source) {
        // The session only if one was started: a stream must not start one (and set a cookie) of its own.
        Mono<Optional<WebSession>> session =
                exchange.getSession().map(s -> s.isStarted() ? Optional.of(s) : Optional.<WebSession>empty());
        return exchange.getPrincipal()
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .zipWith(session)
                .publishOn(Schedulers.boundedElastic())
                .flatMapMany(found -> decide(
                        exchange, found.getT1().orElse(null), found.getT2().orElse(null), source));
    }

    private Flux<ServerSentEvent<String>> decide(
            ServerWebExchange exchange, @Nullable Principal user, @Nullable WebSession session, StreamSource source) {
        var client = new WebFluxClientRequest(exchange, user);
        var request = exchange.getRequest();
        var asked = new StreamRequest(
                request.getMethod().name(), request.getHeaders().getOrEmpty(HttpHeaders.ACCEPT), client, source);
        return switch (engine.admit(asked)) {
            case Admission.Refused refused ->
                Flux.error(new Refusal(HttpStatusCode.valueOf(refused.status()), refused.reason(), refused.headers()));
            case Admission.Redirected redirected ->
                Flux.error(new Refusal(HttpStatus.FOUND, null, Map.of(HttpHeaders.LOCATION, redirected.location())));
            case Admission.Admitted admitted ->
                Flux.create(sink -> open(exchange, client, session, admitted, sink), FluxSink.OverflowStrategy.BUFFER);
        };
    }

    /** The stream's headers (its content type is WebFlux's, from the route's), its exchange, its session. */
    private void open(
            ServerWebExchange exchange,
            WebFluxClientRequest client,
            @Nullable WebSession session,
            Admission.Admitted admitted,
            FluxSink<ServerSentEvent<String>> sink) {
        var headers = exchange.getResponse().getHeaders();
        admitted.headers().forEach((name, value) -> {
            if (!name.equalsIgnoreCase(HttpHeaders.CONTENT_TYPE)) {
                headers.set(name, value);
            }
        });
        var fluxExchange = new FluxExchange(client, exchange.getResponse(), sink);
        HostedStream stream = admitted.open(fluxExchange, session);
        fluxExchange.attach(stream);
        if (session != null) {
            sessions.opened(session);
        }
        admitted.start();
    }

    /** A refusal before the first event, with the headers it needs (Allow, Retry-After) for WebFlux to answer. */
    static final class Refusal extends ResponseStatusException {
        private final HttpHeaders headers = new HttpHeaders();

        Refusal(HttpStatusCode status, @Nullable String reason, Map<String, String> headers) {
            super(status, reason);
            headers.forEach(this.headers::set);
        }

        @Override
        public HttpHeaders getHeaders() {
            return headers;
        }
    }
}
