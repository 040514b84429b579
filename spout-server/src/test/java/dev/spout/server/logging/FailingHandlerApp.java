package dev.spout.server.logging;

import dev.spout.server.Spout;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Run in a child JVM by {@link LoggingWithoutProviderTest}: serves a stream whose handler throws, reads it once to its
 * end, and exits. What it printed is what a user would see.
 */
public final class FailingHandlerApp {
    private FailingHandlerApp() {}

    public static void main(String[] args) throws Exception {
        try (Spout app = Spout.create()) {
            app.sse("/fails", sse -> {
                sse.send("before the failure");
                throw new IllegalStateException("the handler's own failure, marker 7f3a");
            });
            app.start(0);
            try (HttpClient client = HttpClient.newHttpClient()) {
                HttpRequest request = HttpRequest.newBuilder(URI.create(app.uri() + "fails"))
                        .header("Accept", "text/event-stream")
                        .build();
                HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
                System.out.println("status " + response.statusCode() + ", body "
                        + response.body().strip());
            }
        }
    }
}
