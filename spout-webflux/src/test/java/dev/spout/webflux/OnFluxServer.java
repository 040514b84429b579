package dev.spout.webflux;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;

/** A test's engine and its server: each test makes its own, and both are stopped after it, engine first. */
abstract class OnFluxServer {
    static final Duration WAIT = Duration.ofSeconds(10);

    WebFluxSpout spout;
    FluxServer server;

    @AfterEach
    void stopEngineAndServer() {
        if (spout != null) {
            spout.close();
        }
        if (server != null) {
            server.close();
        }
    }
}
