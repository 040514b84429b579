package dev.spout.docs;

// snippet:servlet
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.servlet.ServletSpout;
import jakarta.servlet.ServletContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
// snippet:end

final class ServletExample {
    private ServletExample() {}

    static void define(ServletContext context, HttpServletRequest request, HttpServletResponse response)
            throws Exception {
        // snippet:servlet
        var spout = ServletSpout.create(options -> options.heartbeat(Duration.ofSeconds(15)));
        Topic news = spout.topic("news");

        // register a servlet for a path (a ServletContainerInitializer, a ServletContextListener, a registration bean)
        context.addServlet("news", spout.servlet(news))
                .addMapping("/news"); // set async-supported on it and its filters
        // or answer a request from your own servlet
        spout.stream(request, response, news);
        spout.stream(request, response, Subscription.to(spout.topic("user/" + request.getRemoteUser())));
        spout.stream(request, response, sse -> sse.send("hello")); // a handler on a virtual thread

        news.publish("Spout is up");
        spout.close(); // before the container stops
        // snippet:end
    }
}
