package dev.spout.docs;

// snippet:hub-embedded
import dev.spout.hub.MercureHub;
import dev.spout.server.Spout;
import java.util.List;
// snippet:end

final class HubEmbedded {
    private HubEmbedded() {}

    static Spout define(String publisherKey, String subscriberKey) {
        // snippet:hub-embedded
        Spout app = Spout.create(options -> options.cors(List.of("https://app.example.com"), true));
        MercureHub.mount(app, hub -> hub.publisherKey("HS256", publisherKey).subscriberKey("HS256", subscriberKey));
        app.start(8080); // the hub at http://localhost:8080/.well-known/mercure, beside the application's routes
        // snippet:end
        return app;
    }
}
