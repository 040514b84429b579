package dev.spout.broker;

import java.util.Map;
import java.util.Objects;

/**
 * Whether a broker can order and deliver events now, with details for an operator: what a health endpoint reports
 * (the Spring starter's health indicator shows it under {@code /actuator/health}).
 *
 * <pre>{@code
 * BrokerHealth health = broker.health();
 * if (!health.up()) log.warn("The broker is down: {}", health.details());
 * }</pre>
 *
 * @param up whether the broker can publish and deliver now
 * @param details what an operator needs to know (the broker's kind, its connections, why it is down)
 */
public record BrokerHealth(boolean up, Map<String, Object> details) {
    public BrokerHealth {
        details = Map.copyOf(Objects.requireNonNull(details, "details"));
    }

    /** The broker works. */
    public static BrokerHealth up(Map<String, Object> details) {
        return new BrokerHealth(true, details);
    }

    /** The broker does not work now, for the reason given in the details. */
    public static BrokerHealth down(Map<String, Object> details) {
        return new BrokerHealth(false, details);
    }
}
