package dev.spout.spring;

import dev.spout.broker.BrokerHealth;
import dev.spout.engine.SpoutEngine;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * The {@code spout} component of {@code /actuator/health}: up while the broker works (Redis open and answering a
 * PING), down with the reason when it does not, with the streams open on this node.
 *
 * <pre>{@code
 * GET /actuator/health/spout
 * {"status":"UP","details":{"broker":"redis","ping":"PONG","openStreams":1204, ...}}
 * }</pre>
 */
public final class SpoutHealthIndicator implements HealthIndicator {
    private final SpoutEngine spout;

    public SpoutHealthIndicator(SpoutEngine spout) {
        this.spout = spout;
    }

    @Override
    public Health health() {
        BrokerHealth broker = spout.brokerHealth();
        return (broker.up() ? Health.up() : Health.down())
                .withDetails(broker.details())
                .withDetail("openStreams", spout.openStreams())
                .build();
    }
}
