package dev.spout.docs.spring;

// snippet:spring-spout-news
import dev.spout.engine.topic.Topic;
import org.springframework.web.bind.annotation.GetMapping;
// snippet:end

/** The Spout side of the comparisons with {@code SseEmitter} and WebFlux. */
@org.springframework.web.bind.annotation.RestController
class SpoutNews {
    private final Topic news;

    SpoutNews(dev.spout.servlet.ServletSpout spout) {
        news = spout.topic("news");
    }

    // snippet:spring-spout-news
    // Spout, in a Spring MVC application
    @GetMapping("/news")
    Topic stream() {
        return news;
    }

    void publish(String item) {
        news.publish(item);
    }
    // snippet:end
}
