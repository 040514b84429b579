package dev.spout.hub;

import dev.spout.mercure.Mercure;
import dev.spout.mercure.MercureOptions;
import dev.spout.mercure.SubscriptionsAnswer;
import dev.spout.server.Routes;
import dev.spout.server.http.HttpRequest;
import dev.spout.server.http.HttpResponse;
import java.net.URI;
import java.util.function.Consumer;

/**
 * A Mercure hub on a Spout application: any language publishes an update with an HTTP {@code POST}, any browser
 * subscribes with {@code EventSource}, tokens (JWTs) decide who may do what; Mercure 1.0 and 0.x clients alike.
 * Updates are one Spout topic, so reconnecting subscribers get exactly what they missed, and with Spout's Redis broker
 * several hub nodes share their updates. The protocol is {@link Mercure}'s; this mounts it on Spout's own server.
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
    public static final String PATH = Mercure.PATH;

    private final Mercure mercure;

    private MercureHub(Mercure mercure) {
        this.mercure = mercure;
    }

    /**
     * Mounts the hub at {@value #PATH} (its protected-resource metadata, and the subscriptions API if it announces
     * subscriptions) on the application's routes.
     *
     * @throws IllegalArgumentException without a publisher key, with neither a subscriber key nor anonymous
     *     subscribers, or with a key or algorithm the hub cannot use
     */
    public static MercureHub mount(Routes app, Consumer<MercureOptions> settings) {
        Mercure mercure = Mercure.create(app::topic, settings);
        app.subscribe(PATH, mercure::subscribe);
        app.post(
                PATH,
                request -> HttpResponse.text(
                        mercure.publish(request, request.contentType().orElse(null), request.text())));
        app.get(
                Mercure.METADATA_PATH,
                request -> HttpResponse.json(mercure.metadata(request)).withHeader("Cache-Control", "max-age=3600"));
        if (mercure.announcesSubscriptions()) {
            app.get(Mercure.SUBSCRIPTIONS_PATH, request -> subscriptions(mercure, request));
            app.get(Mercure.SUBSCRIPTIONS_PATH + "/{matchType}/{match}", request -> subscriptions(mercure, request));
            app.get(
                    Mercure.SUBSCRIPTIONS_PATH + "/{matchType}/{match}/{subscriber}",
                    request -> subscriptions(mercure, request));
        }
        return new MercureHub(mercure);
    }

    /** Serves a page to try the hub by hand at {@code path}: subscribe, publish, watch events arrive. */
    public static void debugPage(Routes app, String path) {
        DebugPage.mount(app, path);
    }

    private static HttpResponse subscriptions(Mercure mercure, HttpRequest request) {
        SubscriptionsAnswer answer = mercure.subscriptions(
                request,
                request.pathParameter("matchType").orElse(null),
                request.pathParameter("match").orElse(null),
                request.pathParameter("subscriber").orElse(null));
        HttpResponse response = HttpResponse.json(answer.body());
        for (var header : answer.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }

    /**
     * The value of a {@code Link} header by which a resource tells clients where its hub is (Mercure's discovery).
     *
     * <pre>{@code
     * response.withHeader("Link", MercureHub.link(URI.create("https://hub.example.com/.well-known/mercure")));
     * }</pre>
     */
    public static String link(URI hub) {
        return Mercure.link(hub);
    }

    /** Whether a shared secret is shorter than its algorithm asks: accepted, as the reference hub does, but weak. */
    public boolean weakSecret() {
        return mercure.weakSecret();
    }
}
