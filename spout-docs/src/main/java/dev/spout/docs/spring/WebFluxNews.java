package dev.spout.docs.spring;

// snippet:spring-webflux-news
import dev.spout.engine.auth.Access;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.webflux.WebFluxSpout;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;

@RestController
class WebFluxNews {
    private final WebFluxSpout spout;
    private final Topic news;

    WebFluxNews(WebFluxSpout spout) {
        this.spout = spout;
        news = spout.topic("news");
    }

    @GetMapping(path = "/news", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> stream(ServerWebExchange exchange) {
        return spout.events(exchange, news); // from the request's Last-Event-ID, exactly
    }

    @GetMapping(path = "/me/notifications", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> mine(ServerWebExchange exchange) {
        return spout.subscribe(
                exchange,
                request -> request.user() // Spring Security's principal
                        .<Subscription>map(user -> Subscription.to(spout.topic("user/" + user)))
                        .orElse(Subscription.refuse(Access.UNAUTHORIZED)));
    }
}
// or a functional route: route().GET("/news", spout.handler(news))
// snippet:end
