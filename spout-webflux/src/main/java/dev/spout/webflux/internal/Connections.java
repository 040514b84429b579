package dev.spout.webflux.internal;

import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.util.ClassUtils;
import reactor.netty.Connection;

/**
 * Cuts off the connection of a stream that has to end at once (too slow, its session ended). An error on the
 * response's {@code Flux} is not enough on Reactor Netty: its send ends only after the writes already in flight,
 * and to a client that has stopped reading those never finish, so the connection would stay open with all it holds.
 * Reactor Netty is the server of Spring WebFlux by default; on another (a Servlet container behind WebFlux) the
 * error ends the response and the server closes the connection at its own timeout.
 */
final class Connections {
    private static final boolean REACTOR_NETTY =
            ClassUtils.isPresent("reactor.netty.Connection", Connections.class.getClassLoader());

    private Connections() {}

    static void cutOff(ServerHttpResponse response) {
        if (REACTOR_NETTY) {
            OnReactorNetty.cutOff(response);
        }
    }

    /** Loaded only when Reactor Netty is there. */
    private static final class OnReactorNetty {
        static void cutOff(ServerHttpResponse response) {
            if (ServerHttpResponseDecorator.getNativeResponse(response) instanceof Connection connection) {
                connection.dispose();
            }
        }
    }
}
