package dev.spout.spring;

import dev.spout.servlet.ServletSpout;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Controllers return Spout's types, and Spring MVC streams them: a {@code Topic}, a {@code Subscription}, a {@code
 * SubscriptionHandler} or an {@code SseHandler} from a {@code @GetMapping}, with {@code @PathVariable}s, {@code
 * Principal} and {@code @RequestHeader("Last-Event-ID")} as for any controller; {@link SpoutHandlers} does the same
 * for functional routes. Spout's handler is an async one, so Spring MVC offers it a {@code @RestController}'s topic
 * before {@code @ResponseBody}'s handler, which would write it as JSON.
 *
 * <pre>{@code
 * @GetMapping("/docs/{id}/changes")
 * Subscription changes(@PathVariable String id, Principal user) {
 *     return documents.mayRead(user, id) ? Subscription.to(spout.topic("doc/" + id)) : Subscription.refuse(Access.FORBIDDEN);
 * }
 * }</pre>
 */
@AutoConfiguration(after = SpoutAutoConfiguration.class)
@ConditionalOnClass({ServletSpout.class, RequestMappingHandlerAdapter.class})
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SpoutMvcConfiguration {

    /** Registers Spout's return value handler with Spring MVC, the documented way. */
    @Bean
    public WebMvcConfigurer spoutReturnValues(ObjectProvider<ServletSpout> spout) {
        return new WebMvcConfigurer() {
            @Override
            public void addReturnValueHandlers(List<HandlerMethodReturnValueHandler> handlers) {
                handlers.add(new SpoutReturnValueHandler(spout));
            }
        };
    }

    @Bean
    public SpoutHandlers spoutHandlers(ServletSpout spout) {
        return new SpoutHandlers(spout);
    }
}
