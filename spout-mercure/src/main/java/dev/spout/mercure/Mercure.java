package dev.spout.mercure;

import dev.spout.engine.auth.ClientRequest;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.engine.topic.TopicOptions;
import dev.spout.mercure.internal.Hub;
import dev.spout.mercure.internal.HubConfig;
import java.net.URI;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * The Mercure protocol on Spout's engine, for any host: publish an update from a {@code POST}, answer a {@code GET}
 * with a subscription, describe the hub. Updates are one Spout topic (the log), so reconnecting subscribers get exactly
 * what they missed, and with Spout's Redis broker several nodes share their updates. Every refusal is an {@code
 * HttpStatusException} with its status, reason and headers (RFC 6750's challenges), which each host answers with.
 * {@code spout-hub}'s {@code MercureHub} mounts it on Spout's own server; a Spring controller returns {@link
 * #subscribe} as a {@code SubscriptionHandler}.
 *
 * <pre>{@code
 * Mercure mercure = Mercure.create(engine::topic, hub -> hub
 *         .publisherKey("HS256", publisherSecret)
 *         .subscriberKey("HS256", subscriberSecret));
 * String id = mercure.publish(request, "application/x-www-form-urlencoded", "topic=https://example.com/books/1&data=x");
 * Subscription subscription = mercure.subscribe(request);
 * }</pre>
 */
public final class Mercure {
    /** Where a hub answers. */
    public static final String PATH = Hub.PATH;

    /** Where a hub describes itself as an OAuth protected resource (RFC 9728). */
    public static final String METADATA_PATH = Hub.METADATA_PATH;

    /** Where a hub that announces its subscriptions lists them. */
    public static final String SUBSCRIPTIONS_PATH = PATH + "/subscriptions";

    private final Hub hub;

    private Mercure(Hub hub) {
        this.hub = hub;
    }

    /**
     * A hub whose log is the topic {@code mercure} that {@code topics} makes ({@code app::topic} on Spout's server,
     * {@code engine::topic} on any engine).
     *
     * @throws IllegalArgumentException without a publisher key, with neither a subscriber key nor anonymous
     *     subscribers, or with a key or algorithm the hub cannot use
     */
    public static Mercure create(
            BiFunction<String, Consumer<TopicOptions>, Topic> topics, Consumer<MercureOptions> settings) {
        var options = new MercureOptions();
        settings.accept(options);
        if (options.publishers == null) {
            throw new IllegalArgumentException(
                    "A hub needs the keys of its publishers' tokens (publisherKey or publisherJwks)");
        }
        var config = new HubConfig(
                options.publishers,
                options.subscribers,
                options.anonymous,
                options.resource,
                options.historyUpdates,
                options.historyAge,
                options.maxUpdateBytes,
                options.subscriptions);
        return new Mercure(new Hub(topics.apply("mercure", Hub.logOptions(config)), config));
    }

    /**
     * Publishes the update a {@code POST} to {@link #PATH} carries (its form) and returns its id, the answer's {@code
     * text/plain} body.
     */
    public String publish(ClientRequest request, @Nullable String contentType, String body) {
        return hub.publish(request, contentType, body);
    }

    /** The subscription a {@code GET} of {@link #PATH} asks for: the log, through this subscriber's filter. */
    public Subscription subscribe(ClientRequest request) {
        return hub.subscribe(request);
    }

    /** The protected-resource metadata, as JSON members, for {@link #METADATA_PATH}. */
    public Map<String, Object> metadata(ClientRequest request) {
        return hub.metadata(request);
    }

    /** Whether the hub announces its subscribers (then it answers {@link #subscriptions}). */
    public boolean announcesSubscriptions() {
        return hub.announcesSubscriptions();
    }

    /**
     * The subscriptions API's answer for {@link #SUBSCRIPTIONS_PATH}, {@code …/{matchType}/{match}} or {@code
     * …/{matchType}/{match}/{subscriber}} (the path's parts, decoded; null where absent).
     */
    public SubscriptionsAnswer subscriptions(
            ClientRequest request, @Nullable String matchType, @Nullable String match, @Nullable String subscriber) {
        return hub.subscriptions(request, matchType, match, subscriber);
    }

    /** Whether a shared secret is shorter than its algorithm asks: accepted, as the reference hub does, but weak. */
    public boolean weakSecret() {
        return hub.weakSecret();
    }

    /**
     * The value of a {@code Link} header by which a resource tells clients where its hub is (Mercure's discovery).
     *
     * <pre>{@code
     * response.withHeader("Link", Mercure.link(URI.create("https://hub.example.com/.well-known/mercure")));
     * }</pre>
     */
    public static String link(URI hub) {
        String uri = hub.toString();
        if (uri.indexOf('>') >= 0 || uri.indexOf('\r') >= 0 || uri.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Not a URI for a Link header: " + uri);
        }
        return "<" + uri + ">; rel=\"mercure\"";
    }
}
