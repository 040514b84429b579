package dev.spout.docs.spring;

// snippet:readme-spring
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.servlet.ServletSpout;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
class Streams {
    private final ServletSpout spout; // the starter's engine
    private final Topic news;

    Streams(ServletSpout spout) {
        this.spout = spout;
        this.news = spout.topic("news");
    }

    @GetMapping("/news") // every client, one topic: replay, heartbeats, slow-client bounds
    Topic news() {
        return news;
    }

    @GetMapping("/notifications/sse") // each user their own topic, by Spring Security's user
    Subscription mine(Principal user) {
        return Subscription.to(spout.topic("user/" + user.getName()));
    }
}
// snippet:end
