package dev.spout.spring;

import dev.spout.engine.stream.SseHandler;
import dev.spout.engine.topic.SubscriptionHandler;
import dev.spout.engine.topic.Topic;
import dev.spout.servlet.ServletSpout;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.function.HandlerFunction;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Spout's streams as handler functions, for Spring MVC's functional routes; the route's path variables are the
 * stream's path parameters. Auto-configured as a bean.
 *
 * <pre>{@code
 * @Bean
 * RouterFunction<ServerResponse> streams(SpoutHandlers spout, Topic news) {
 *     return RouterFunctions.route()
 *             .GET("/news", spout.topic(news))
 *             .GET("/rooms/{room}", spout.subscribe(request -> Subscription.to(rooms.topic(request.pathParameter("room").orElseThrow()))))
 *             .build();
 * }
 * }</pre>
 */
public final class SpoutHandlers {
    private final ServletSpout spout;

    public SpoutHandlers(ServletSpout spout) {
        this.spout = Objects.requireNonNull(spout, "spout");
    }

    /** Streams the topic, resuming after each request's {@code Last-Event-ID}. */
    public HandlerFunction<ServerResponse> topic(Topic topic) {
        return stream(Objects.requireNonNull(topic, "topic"));
    }

    /** Streams the topics that the handler chooses for each request. */
    public HandlerFunction<ServerResponse> subscribe(SubscriptionHandler handler) {
        return stream(Objects.requireNonNull(handler, "handler"));
    }

    /** Gives each request a stream of its own, written by the handler on a virtual thread. */
    public HandlerFunction<ServerResponse> sse(SseHandler handler) {
        return stream(Objects.requireNonNull(handler, "handler"));
    }

    private HandlerFunction<ServerResponse> stream(Object value) {
        StreamAnswer answer = StreamAnswer.of(spout, value);
        return request -> new Streamed(answer, request.pathVariables());
    }

    /** A response that Spout's engine writes itself, in the request's async context. */
    private record Streamed(StreamAnswer answer, Map<String, String> pathVariables) implements ServerResponse {
        @Override
        public HttpStatusCode statusCode() {
            return HttpStatus.OK;
        }

        @Override
        public HttpHeaders headers() {
            return new HttpHeaders();
        }

        @Override
        public MultiValueMap<String, Cookie> cookies() {
            return new LinkedMultiValueMap<>();
        }

        @Override
        public @Nullable ModelAndView writeTo(HttpServletRequest request, HttpServletResponse response, Context context)
                throws jakarta.servlet.ServletException, IOException {
            PathVariables.expose(request, pathVariables);
            answer.answer(request, response);
            return null;
        }
    }
}
