package dev.spout.docs.spring;

// snippet:readme-webflux
import dev.spout.engine.topic.Topic;
import dev.spout.webflux.WebFluxSpout;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;

@RestController
class ReactiveStreams {
    private final WebFluxSpout spout;
    private final Topic news;

    ReactiveStreams(WebFluxSpout spout) {
        this.spout = spout;
        this.news = spout.topic("news");
    }

    @GetMapping(path = "/news", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<String>> news(ServerWebExchange exchange) {
        return spout.events(exchange, news); // from the client's Last-Event-ID, exactly
    }
}
// snippet:end
