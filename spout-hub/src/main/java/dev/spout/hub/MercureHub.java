package dev.spout.hub;

import dev.spout.hub.internal.Hub;
import dev.spout.hub.internal.HubConfig;
import dev.spout.server.Routes;
import java.net.URI;
import java.util.function.Consumer;

/**
 * A Mercure hub on a Spout application: any language publishes an update with an HTTP {@code POST}, any browser
 * subscribes with {@code EventSource}, tokens (JWTs) decide who may do what; Mercure 1.0 and 0.x clients alike.
 * Updates are one Spout topic, so reconnecting subscribers get exactly what they missed, and with Spout's Redis broker
 * several hub nodes share their updates.
 *
 * <pre>{@code
 * Spout app = Spout.create(options -> options.cors(List.of("https://app.example.com"), true));
 * MercureHub.mount(app, hub -> hub
 *         .publisherKey("HS256", publisherSecret)
 *         .subscriberKey("HS256", subscriberSecret));
 * app.start(8080);   // the hub at http://localhost:8080/.well-known/mercure
 * }</pre>
 */
public final class MercureHub {
    /** Where the hub answers. */
    public static final String PATH = Hub.PATH;

    private final Hub hub;

    private MercureHub(Hub hub) {
        this.hub = hub;
    }

    /**
     * Mounts the hub at {@value #PATH} (and its protected-resource metadata) on the application's routes.
     *
     * @throws IllegalArgumentException without a publisher key, with neither a subscriber key nor anonymous
     *     subscribers, or with a key or algorithm the hub cannot use
     */
    public static MercureHub mount(Routes app, Consumer<HubOptions> settings) {
        var options = new HubOptions();
        settings.accept(options);
        if (options.publishers == null) {
            throw new IllegalArgumentException(
                    "A hub needs the keys of its publishers' tokens (publisherKey or publisherJwks)");
        }
        return new MercureHub(Hub.mount(
                app,
                new HubConfig(
                        options.publishers,
                        options.subscribers,
                        options.anonymous,
                        options.resource,
                        options.historyUpdates,
                        options.historyAge,
                        options.maxUpdateBytes,
                        options.debugPage,
                        options.subscriptions)));
    }

    /**
     * The value of a {@code Link} header by which a resource tells clients where its hub is (Mercure's discovery).
     *
     * <pre>{@code
     * response.withHeader("Link", MercureHub.link(URI.create("https://hub.example.com/.well-known/mercure")));
     * }</pre>
     */
    public static String link(URI hub) {
        String uri = hub.toString();
        if (uri.indexOf('>') >= 0 || uri.indexOf('\r') >= 0 || uri.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Not a URI for a Link header: " + uri);
        }
        return "<" + uri + ">; rel=\"mercure\"";
    }

    /** Whether a shared secret is shorter than its algorithm asks: accepted, as the reference hub does, but weak. */
    public boolean weakSecret() {
        return hub.weakSecret();
    }
}
