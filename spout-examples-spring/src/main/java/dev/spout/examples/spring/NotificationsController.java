package dev.spout.examples.spring;

import dev.spout.engine.topic.Subscription;
import dev.spout.servlet.ServletSpout;
import java.security.Principal;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Per-user notifications: each signed-in user's stream follows their own topic, chosen by Spring Security's user, so
 * nobody can listen to another's. A note sent to a user is published to theirs; a user who was away gets what they
 * missed when the browser reconnects (Last-Event-ID), from the topic's history.
 */
@RestController
class NotificationsController {
    private final ServletSpout spout;

    NotificationsController(ServletSpout spout) {
        this.spout = spout;
    }

    @GetMapping("/notifications/sse")
    Subscription mine(Principal user) {
        return Subscription.to(spout.topic("user/" + user.getName()));
    }

    /** Spring Security's CSRF token, for the pages' posts. */
    @GetMapping("/csrf")
    CsrfToken csrf(CsrfToken token) {
        return token;
    }

    @GetMapping("/me")
    String me(Principal user) {
        return user.getName();
    }

    @PostMapping("/notifications")
    ResponseEntity<String> send(Principal from, @RequestParam String to, @RequestParam String text) {
        if (!Users.NAMES.contains(to)) {
            return ResponseEntity.badRequest().body("No such user: " + to);
        }
        spout.topic("user/" + to).publish(from.getName() + ": " + text);
        return ResponseEntity.accepted().body("sent");
    }
}
