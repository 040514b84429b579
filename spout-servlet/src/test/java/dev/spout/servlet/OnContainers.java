package dev.spout.servlet;

import org.junit.jupiter.api.AfterEach;

/**
 * What every test on the containers holds: the engine and the container it runs in, both closed after the test
 * (the engine first, so its streams end cleanly before the container stops), whichever the test started.
 */
abstract class OnContainers {
    ServletSpout spout;
    Container.Running running;

    @AfterEach
    void stop() throws Exception {
        if (spout != null) {
            spout.close();
        }
        if (running != null) {
            running.close();
        }
    }
}
