package dev.spout.spring;

import dev.spout.engine.SpoutEngine;
import org.springframework.context.SmartLifecycle;

/**
 * Ends Spout's streams in Spring's shutdown, before the web server's graceful shutdown: it stops in the latest
 * phase, so it goes first. Every stream ends cleanly after what is queued for it (clients see the end and reconnect,
 * here once the application is back or to another node, resuming with {@code Last-Event-ID}); new streams are
 * refused with 503 and {@code Retry-After}. Without this, the web server would wait for SSE requests that never
 * finish until its own timeout, then cut them.
 *
 * <pre>{@code
 * server.shutdown=graceful                        # Spring Boot's default
 * spout.shutdown-timeout=5s                       # how long the streams may take to end
 * }</pre>
 */
public final class SpoutLifecycle implements SmartLifecycle {
    private final SpoutEngine spout;
    private volatile boolean running;

    public SpoutLifecycle(SpoutEngine spout) {
        this.spout = spout;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        spout.close();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** The latest phase: stopped first, before the web server's graceful shutdown. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE;
    }
}
