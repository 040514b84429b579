package dev.spout.hub;

import dev.spout.broker.BrokerHealth;
import dev.spout.micrometer.SpoutMetrics;
import dev.spout.server.Spout;
import dev.spout.server.http.HttpResponse;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;

/**
 * What the hub's command serves besides the hub, for its operators: {@code GET /healthz} (200 while the broker works,
 * 503 with the reason when it does not, for a load balancer or Kubernetes) and {@code GET /metrics} (the engine's
 * counters in Prometheus's text format, by Micrometer).
 *
 * <pre>{@code
 * HubEndpoints.mount(app);
 * }</pre>
 */
final class HubEndpoints {
    private HubEndpoints() {}

    static void mount(Spout app) {
        var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new SpoutMetrics(app).bindTo(registry);
        app.get(
                "/metrics",
                request -> HttpResponse.bytes(
                        registry.scrape().getBytes(StandardCharsets.UTF_8),
                        "text/plain; version=0.0.4; charset=utf-8"));
        app.get("/healthz", request -> {
            BrokerHealth broker = app.brokerHealth();
            var body = new LinkedHashMap<String, Object>();
            body.put("status", broker.up() ? "UP" : "DOWN");
            body.put("broker", broker.details());
            return HttpResponse.json(body).withStatus(broker.up() ? 200 : 503);
        });
    }
}
