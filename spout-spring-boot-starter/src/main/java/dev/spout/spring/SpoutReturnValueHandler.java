package dev.spout.spring;

import dev.spout.engine.stream.SseHandler;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.SubscriptionHandler;
import dev.spout.engine.topic.Topic;
import dev.spout.servlet.ServletSpout;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.MethodParameter;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.AsyncHandlerMethodReturnValueHandler;
import org.springframework.web.method.support.ModelAndViewContainer;

/**
 * Streams what a controller returns: a topic, a subscription (or its refusal), a subscription handler, or a
 * per-client handler. The request then belongs to Spout's engine, which starts its async context itself; Spring MVC
 * writes nothing more.
 *
 * <p>It is an {@link AsyncHandlerMethodReturnValueHandler}, registered after Spring's own handlers the documented way
 * ({@code WebMvcConfigurer.addReturnValueHandlers}): Spring MVC offers a value that an async handler claims to async
 * handlers alone, so a {@code @RestController}'s topic is streamed rather than written as JSON by {@code
 * @ResponseBody}'s handler, without reordering the adapter's list.
 */
final class SpoutReturnValueHandler implements AsyncHandlerMethodReturnValueHandler {
    private final ObjectProvider<ServletSpout> spout;

    SpoutReturnValueHandler(ObjectProvider<ServletSpout> spout) {
        this.spout = spout;
    }

    @Override
    public boolean supportsReturnType(MethodParameter returnType) {
        Class<?> type = returnType.getParameterType();
        return Topic.class.isAssignableFrom(type)
                || Subscription.class.isAssignableFrom(type)
                || SubscriptionHandler.class.isAssignableFrom(type)
                || SseHandler.class.isAssignableFrom(type);
    }

    /** Spout's types always go to this handler: a null from such a method is an error it explains, not empty JSON. */
    @Override
    public boolean isAsyncReturnValue(@Nullable Object value, MethodParameter returnType) {
        return supportsReturnType(returnType);
    }

    @Override
    public void handleReturnValue(
            @Nullable Object value, MethodParameter returnType, ModelAndViewContainer mav, NativeWebRequest web)
            throws Exception {
        mav.setRequestHandled(true);
        var request = web.getNativeRequest(HttpServletRequest.class);
        var response = web.getNativeResponse(HttpServletResponse.class);
        if (request == null || response == null) {
            throw new IllegalStateException("Spout streams need a Servlet request and response");
        }
        if (value == null) {
            throw new IllegalStateException(
                    returnType.getExecutable() + " returned null: return a Topic, a Subscription or a handler");
        }
        PathVariables.expose(request);
        StreamAnswer.of(spout.getObject(), value).answer(request, response);
    }
}
