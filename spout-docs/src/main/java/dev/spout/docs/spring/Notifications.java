package dev.spout.docs.spring;

// snippet:spring-mine
import dev.spout.engine.topic.Subscription;
import java.security.Principal;
import org.springframework.web.bind.annotation.GetMapping;
// snippet:end

@org.springframework.web.bind.annotation.RestController
class Notifications {
    private final dev.spout.servlet.ServletSpout spout;

    Notifications(dev.spout.servlet.ServletSpout spout) {
        this.spout = spout;
    }

    // snippet:spring-mine
    @GetMapping("/notifications/sse")
    Subscription mine(Principal user) {
        return Subscription.to(spout.topic("user/" + user.getName()));
    }
    // snippet:end
}
