package dev.spout.examples;

import dev.spout.server.Spout;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** The demo, as it serves every example, on a free port for each test; the base of the browser tests. */
abstract class DemoBrowserTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    Spout app;

    @BeforeEach
    void startDemo() {
        app = Demo.create(null).start("127.0.0.1", 0);
    }

    @AfterEach
    void stopDemo() {
        app.close();
    }

    String url(String path) {
        return app.uri(path).toString();
    }
}
