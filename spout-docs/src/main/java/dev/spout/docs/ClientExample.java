package dev.spout.docs;

// snippet:client
import dev.spout.client.EventSource;
import dev.spout.client.MessageEvent;
import java.time.Duration;
// snippet:end

final class ClientExample {
    private ClientExample() {}

    static void read() throws InterruptedException {
        // snippet:client
        try (var source = EventSource.builder("http://localhost:8080/chat/events")
                .readTimeout(Duration.ofSeconds(60)) // heartbeats keep it alive; a stall reconnects
                .connect()) {
            Thread.ofVirtual()
                    .start(() -> {
                        for (MessageEvent event : source) { // blocks per event; reconnects with Last-Event-ID
                            System.out.println(event.lastEventId() + ": " + event.data());
                        }
                    })
                    .join();
        }
        // snippet:end
    }
}
