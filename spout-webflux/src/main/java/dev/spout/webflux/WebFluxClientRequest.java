package dev.spout.webflux;

import dev.spout.engine.auth.ClientRequest;
import java.net.InetSocketAddress;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.server.ServerWebExchange;

/**
 * A stream's request in Spring WebFlux, as Spout's authorizers and subscription handlers see it. The user is the
 * exchange's principal (Spring Security's, resolved before the authorizer runs); path parameters are the route's URI
 * template variables ({@code @GetMapping("/users/{id}/events")} or a functional route's). Sessions and sign-in are
 * the application's (Spring Security, WebFlux's {@code WebSession}): {@link #unwrap} reaches the exchange.
 *
 * <pre>{@code
 * Authorizer onlyAnn = request -> request.user().filter("ann"::equals).isPresent()
 *         ? Access.ALLOW : Access.FORBIDDEN;
 * }</pre>
 */
public final class WebFluxClientRequest implements ClientRequest {
    private final ServerWebExchange exchange;
    private final ServerHttpRequest request;
    private final @Nullable Principal user;
    private final String remoteAddress;

    /** The Spout view of an exchange's request, with its user (or null) as resolved for it. */
    public WebFluxClientRequest(ServerWebExchange exchange, @Nullable Principal user) {
        this.exchange = exchange;
        this.request = exchange.getRequest();
        this.user = user;
        InetSocketAddress remote = request.getRemoteAddress();
        this.remoteAddress = remote == null
                ? "unknown"
                : remote.getAddress() == null
                        ? remote.getHostString()
                        : remote.getAddress().getHostAddress();
    }

    /** WebFlux's exchange, for what Spout's view does not offer. */
    public ServerWebExchange exchange() {
        return exchange;
    }

    @Override
    public String path() {
        return request.getPath().pathWithinApplication().value();
    }

    @Override
    public String method() {
        return request.getMethod().name();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> pathParameters() {
        // An annotated controller's (or a route's through WebFlux's dispatcher), else a route's applied directly.
        Object values = exchange.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        if (values == null) {
            values = exchange.getAttribute(RouterFunctions.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        }
        return values instanceof Map<?, ?> map ? Map.copyOf((Map<String, String>) map) : Map.of();
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().getFirst(name));
    }

    @Override
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(request.getQueryParams().getFirst(name));
    }

    @Override
    public List<String> queryParameters(String name) {
        List<String> values = request.getQueryParams().get(name);
        return values == null ? List.of() : List.copyOf(values);
    }

    @Override
    public Set<String> queryParameterNames() {
        return Set.copyOf(request.getQueryParams().keySet());
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean isSecure() {
        return request.getSslInfo() != null;
    }

    /** The name of the exchange's authenticated principal, if there is one. */
    @Override
    public Optional<String> user() {
        return Optional.ofNullable(user).map(Principal::getName);
    }

    /** WebFlux's exchange ({@link ServerWebExchange}, or this view itself), for what this view does not offer. */
    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return Optional.of(type.cast(this));
        }
        return type.isInstance(exchange) ? Optional.of(type.cast(exchange)) : Optional.empty();
    }

    @Override
    public String toString() {
        return request.getMethod().name() + " " + request.getURI();
    }
}
