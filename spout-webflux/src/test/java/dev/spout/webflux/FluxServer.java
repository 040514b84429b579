package dev.spout.webflux;

import java.net.URI;
import java.security.Principal;
import org.springframework.http.server.reactive.ReactorHttpHandlerAdapter;
import org.springframework.web.reactive.function.server.HandlerStrategies;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * WebFlux's functional routes on Reactor Netty, a real server on an ephemeral loopback port. A request's {@code
 * X-User} header stands for the user a security filter would have authenticated (Spring Security in an application).
 */
final class FluxServer implements AutoCloseable {
    private final DisposableServer server;

    private FluxServer(DisposableServer server) {
        this.server = server;
    }

    static FluxServer start(RouterFunction<ServerResponse> routes) {
        WebFilter user = (exchange, chain) -> {
            String name = exchange.getRequest().getHeaders().getFirst("X-User");
            if (name == null) {
                return chain.filter(exchange);
            }
            Principal principal = () -> name;
            return chain.filter(
                    exchange.mutate().principal(Mono.just(principal)).build());
        };
        var handler = RouterFunctions.toHttpHandler(
                routes, HandlerStrategies.builder().webFilter(user).build());
        var server = HttpServer.create()
                .host("127.0.0.1")
                .port(0)
                .handle(new ReactorHttpHandlerAdapter(handler))
                .bindNow();
        return new FluxServer(server);
    }

    int port() {
        return server.port();
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    @Override
    public void close() {
        server.disposeNow();
    }
}
