package dev.spout.webflux.internal;

import dev.spout.engine.host.EngineHost;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.server.WebSession;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

/**
 * Ends a {@link WebSession}'s streams when the session ends. WebFlux's session stores announce neither an expiry
 * nor an invalidation, so the sessions that opened streams are looked at once a second (one check per session, not
 * per stream), and a sign-out that knows its session ends them at once ({@link #ended}).
 *
 * <p>Bounded by the store: a session is kept here until it expires or is invalidated, as the store keeps it.
 */
public final class SessionStreams implements AutoCloseable {
    static final Duration SWEEP = Duration.ofSeconds(1);

    private final EngineHost engine;
    private final Set<WebSession> withStreams = ConcurrentHashMap.newKeySet();
    private final Disposable sweeps;

    public SessionStreams(EngineHost engine) {
        this.engine = engine;
        sweeps = Schedulers.parallel()
                .schedulePeriodically(
                        this::sweep, SWEEP.toMillis(), SWEEP.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    }

    /** A stream opened with this session; ended at once if the session ended while the stream was admitted. */
    void opened(WebSession session) {
        withStreams.add(session);
        if (session.isExpired()) {
            ended(session);
        }
    }

    /** The session has ended (a sign-out, an expiry): its streams end. */
    public void ended(WebSession session) {
        withStreams.remove(session);
        engine.endSession(session);
    }

    private void sweep() {
        for (WebSession session : withStreams) {
            if (session.isExpired()) {
                ended(session);
            }
        }
    }

    @Override
    public void close() {
        sweeps.dispose();
    }
}
