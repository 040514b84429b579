package dev.spout.docs.spring;

// snippet:spring-news
import dev.spout.engine.topic.Topic;
import dev.spout.servlet.ServletSpout;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class News {
    private final Topic news;

    News(ServletSpout spout) {
        news = spout.topic("news"); // or a @Bean Topic, injected
    }

    @GetMapping("/news")
    Topic stream() { // Spring MVC streams it: headers, replay, heartbeats
        return news;
    }

    @PostMapping("/news")
    void publish(@RequestBody String item) {
        news.publish(item); // every subscriber, encoded once
    }
}
// snippet:end
