package dev.spout.spring;

import dev.spout.engine.stream.SseHandler;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.SubscriptionHandler;
import dev.spout.engine.topic.Topic;
import dev.spout.servlet.ServletSpout;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/** How a request is answered with one of Spout's types: the one place that knows them all. */
@FunctionalInterface
interface StreamAnswer {
    void answer(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException;

    static StreamAnswer of(ServletSpout spout, Object value) {
        return switch (value) {
            case Topic topic -> (request, response) -> spout.stream(request, response, topic);
            case Subscription subscription -> (request, response) -> spout.stream(request, response, subscription);
            case SubscriptionHandler handler -> (request, response) -> spout.subscribe(request, response, handler);
            case SseHandler handler -> (request, response) -> spout.stream(request, response, handler);
            default ->
                throw new IllegalArgumentException(
                        "Spout cannot stream a " + value.getClass().getName()
                                + ": return a Topic, a Subscription, a SubscriptionHandler or an SseHandler");
        };
    }
}
