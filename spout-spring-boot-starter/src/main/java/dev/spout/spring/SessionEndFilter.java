package dev.spout.spring;

import dev.spout.webflux.WebFluxSpout;
import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.server.WebSession;
import reactor.core.publisher.Mono;

/**
 * In a reactive application, ends a session's streams when a request signs its user out: the session is
 * invalidated, or it loses the signed-in user that Spring Security keeps in it (its reactive logout, by default,
 * removes that and keeps the session). Decided before the response is sent, so the client that signed out sees its
 * streams end before it sees the answer; a session that merely expires is {@link WebFluxSpout}'s own business.
 *
 * <p>Runs before Spring Security's filter chain, so it sees the session as the request found it.
 */
final class SessionEndFilter implements WebFilter, Ordered {
    /** Where Spring Security's {@code WebSessionServerSecurityContextRepository} keeps the signed-in user. */
    static final String SECURITY_CONTEXT = "SPRING_SECURITY_CONTEXT";

    private final WebFluxSpout spout;

    SessionEndFilter(WebFluxSpout spout) {
        this.spout = spout;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        return exchange.getSession().flatMap(session -> {
            if (session.isStarted()) {
                boolean signedIn = session.getAttributes().containsKey(SECURITY_CONTEXT);
                exchange.getResponse().beforeCommit(() -> Mono.fromRunnable(() -> endIfSignedOut(session, signedIn)));
            }
            return chain.filter(exchange);
        });
    }

    private void endIfSignedOut(WebSession session, boolean wasSignedIn) {
        if (session.isExpired() || wasSignedIn && !session.getAttributes().containsKey(SECURITY_CONTEXT)) {
            spout.endSession(session);
        }
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10; // Spring Security's WebFilterChainProxy is at -100
    }
}
