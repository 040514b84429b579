package dev.spout.spring;

import dev.spout.servlet.ServletSpout;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.web.method.support.HandlerMethodReturnValueHandler;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;

/**
 * Controllers return Spout's types, and Spring MVC streams them: a {@code Topic}, a {@code Subscription}, a {@code
 * SubscriptionHandler} or an {@code SseHandler} from a {@code @GetMapping}, with {@code @PathVariable}s, {@code
 * Principal} and {@code @RequestHeader("Last-Event-ID")} as for any controller; {@link SpoutHandlers} does the same
 * for functional routes. Spout's handler goes first, before {@code @ResponseBody}'s, so a {@code @RestController}'s
 * topic is streamed rather than written as JSON.
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

    /** Puts Spout's return value handler first in every handler adapter, once the adapter has its own. */
    @Bean
    public static BeanPostProcessor spoutReturnValues(ObjectProvider<ServletSpout> spout) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (bean instanceof RequestMappingHandlerAdapter adapter) {
                    List<HandlerMethodReturnValueHandler> handlers = new ArrayList<>();
                    handlers.add(new SpoutReturnValueHandler(spout));
                    List<HandlerMethodReturnValueHandler> existing = adapter.getReturnValueHandlers();
                    if (existing != null) {
                        handlers.addAll(existing);
                    }
                    adapter.setReturnValueHandlers(handlers);
                }
                return bean;
            }
        };
    }

    @Bean
    public SpoutHandlers spoutHandlers(ServletSpout spout) {
        return new SpoutHandlers(spout);
    }
}
