package dev.spout.mercure.internal;

import dev.spout.broker.internal.log.Logs;
import dev.spout.engine.HttpStatusException;
import dev.spout.engine.auth.ClientRequest;
import dev.spout.engine.stream.EventTooLargeException;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.engine.topic.TopicOptions;
import dev.spout.mercure.SubscriptionsAnswer;
import dev.spout.sse.SseEvent;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;

/**
 * The hub on Spout's engine, for any host: every update goes to one topic, the log (its order, ids, history, Redis
 * across nodes), labelled with its Mercure topics and privacy; each subscriber's stream follows the log through its
 * own {@link SubscriberFilter}. A host answers a {@code POST} to {@value #PATH} with {@link #publish}, a {@code GET}
 * of it with {@link #subscribe}'s subscription; every refusal is an {@link HttpStatusException}, its headers included.
 *
 * <pre>{@code
 * Hub hub = new Hub(engine.topic("mercure", Hub.logOptions(config)), config);
 * }</pre>
 */
public final class Hub {
    /** Where the hub answers, on every host. */
    public static final String PATH = "/.well-known/mercure";

    /** Where the hub describes itself as an OAuth protected resource (RFC 9728), for draft-08 clients. */
    public static final String METADATA_PATH = "/.well-known/oauth-protected-resource" + PATH;

    private static final Logger LOG = Logs.logger(Hub.class);

    private final Topic log;
    private final TokenVerifier publishers;
    private final @Nullable TokenVerifier subscribers;
    private final boolean anonymous;
    private final @Nullable ActiveSubscriptions subscriptions;

    /** The hub on its log, a topic made with {@link #logOptions}. */
    public Hub(Topic log, HubConfig config) {
        this.log = log;
        this.publishers = TokenVerifier.of(config.publishers(), config.resource());
        this.subscribers =
                config.subscribers() == null ? null : TokenVerifier.of(config.subscribers(), config.resource());
        this.anonymous = config.anonymous();
        this.subscriptions = config.subscriptions() ? new ActiveSubscriptions(log) : null;
    }

    /** The options of the hub's log: its history, and the largest update. */
    public static Consumer<TopicOptions> logOptions(HubConfig config) {
        return topic ->
                topic.history(config.historyUpdates(), config.historyAge()).maxEventBytes(config.maxUpdateBytes());
    }

    /** Whether the hub announces its subscribers (Mercure's active subscriptions: events and API). */
    public boolean announcesSubscriptions() {
        return subscriptions != null;
    }

    /** Whether a shared secret is shorter than its algorithm asks (taken, as the reference hub takes it). */
    public boolean weakSecret() {
        return publishers.weakSecret() || (subscribers != null && subscribers.weakSecret());
    }

    /**
     * Publishes the update a {@code POST} carries and returns its id (the answer's {@code text/plain} body).
     *
     * @throws HttpStatusException for every refusal: 401 and 403 with their challenges, 400, 413, 415
     */
    public String publish(ClientRequest request, @Nullable String contentType, String body) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        if (!type.startsWith("application/x-www-form-urlencoded")) {
            throw new HttpStatusException(415, "An update is posted as application/x-www-form-urlencoded");
        }
        Grants grants =
                verified(request, publishers, false).orElseThrow(() -> Challenges.missing(metadataUri(request)));
        Update update;
        try {
            update = PublishForm.read(FormFields.read(body), hubUri(request));
        } catch (ProtocolException refused) {
            throw new HttpStatusException(refused.status(), refused.getMessage());
        }
        if (!grants.mayPublish(update.topics())) {
            throw Challenges.insufficient("publish on " + update.topic());
        }
        // A publisher's id is kept where the broker keeps events' own ids (in memory, one node); Redis gives its own
        // ids, in its order on every node, and the answer says which: the protocol lets a hub not take the id.
        SseEvent event = SseEvent.of(update.data())
                .withId(update.id())
                .withEvent(update.type())
                .withRetry(update.retry() == null ? null : Duration.ofMillis(update.retry()));
        try {
            return log.publish(event, UpdateLabels.of(update));
        } catch (EventTooLargeException tooLarge) {
            throw new HttpStatusException(413, tooLarge.getMessage());
        }
    }

    /**
     * The subscription a {@code GET} asks for: the log, through this subscriber's filter.
     *
     * @throws HttpStatusException for every refusal, before the first byte: 400, 401 with its challenge
     */
    public Subscription subscribe(ClientRequest request) {
        SubscribeQuery asked;
        try {
            asked = SubscribeQuery.read(request, origin(request));
        } catch (ProtocolException refused) {
            throw new HttpStatusException(refused.status(), refused.getMessage());
        }
        Grants grants;
        if (subscribers == null) {
            if (Credentials.of(request, true).isPresent()) {
                throw Challenges.invalid(metadataUri(request)); // this hub takes no subscriber's token
            }
            grants = Grants.NONE;
        } else {
            grants = verified(request, subscribers, true).orElse(null);
            if (grants == null) {
                if (!anonymous) {
                    throw Challenges.missing(metadataUri(request));
                }
                grants = Grants.NONE;
            }
        }
        // Where the stream starts, said in Mercure-Last-Event-ID (and 0.x's Last-Event-ID): after the client's id, the
        // log's beginning, or for a new subscriber now, after the newest update (by its id, which a publisher may have
        // given twice: the stream itself starts at the log's head, not after that id's first update).
        String after = asked.lastEventId();
        String announced = after == null
                ? log.newestId().orElse(SubscribeQuery.EARLIEST)
                : after.isEmpty() ? SubscribeQuery.EARLIEST : after;
        var presence = subscriptions == null
                ? null
                : subscriptions.presence("urn:uuid:" + UUID.randomUUID(), asked.asked(), grants);
        return Subscription.to(log)
                .filtered(new SubscriberFilter(asked.selectors(), grants, InstantSource.system(), presence))
                .resumingAfter(after)
                .withHeader("Mercure-Last-Event-ID", announced)
                .withHeader("Last-Event-ID", announced);
    }

    /** The hub's protected-resource metadata (RFC 9728, as draft-08 has it), served at {@value #METADATA_PATH}. */
    public Map<String, Object> metadata(ClientRequest request) {
        String origin = origin(request);
        return Map.of(
                "resource",
                origin + PATH,
                "bearer_methods_supported",
                java.util.List.of("header"), // the cookie is mercure_cookie's
                "mercure_cookie",
                Credentials.COOKIES.getFirst(),
                "authorization_details_types_supported",
                java.util.List.of(TokenClaims.DETAIL_TYPE),
                "mercure_subscriptions",
                subscriptions != null);
    }

    /**
     * The subscriptions API's answer: every subscription open on this node, or those of one selector ({@code
     * matchType} and {@code match} not null), with the {@code Link} header a client subscribes to their events from.
     *
     * @throws HttpStatusException 401/403 as for subscribing to the path, 400 for an unknown match type, 404 if the
     *     hub does not announce subscriptions
     */
    public SubscriptionsAnswer subscriptions(
            ClientRequest request, @Nullable String matchType, @Nullable String match, @Nullable String subscriber) {
        if (subscriptions == null) {
            throw new HttpStatusException(404, "This hub does not announce its subscriptions");
        }
        return SubscriptionsApi.answer(subscriptions, log, subscriberGrants(request), matchType, match, subscriber);
    }

    /** A subscriber's grants, as for subscribing: its token's, none if anonymous subscribers are admitted, else 401. */
    Grants subscriberGrants(ClientRequest request) {
        Grants grants = subscribers == null
                ? null
                : verified(request, subscribers, true).orElse(null);
        if (grants != null) {
            return grants;
        }
        if (subscribers != null && !anonymous) {
            throw Challenges.missing(metadataUri(request));
        }
        return Grants.NONE;
    }

    /** The request's grants if it carries a token; empty if it carries none. */
    private Optional<Grants> verified(ClientRequest request, TokenVerifier verifier, boolean subscriber) {
        Optional<String> token;
        try {
            token = Credentials.of(request, subscriber);
        } catch (ProtocolException malformed) {
            throw new HttpStatusException(malformed.status(), malformed.getMessage())
                    .withHeader("WWW-Authenticate", "Bearer realm=\"mercure\", error=\"invalid_request\"");
        }
        if (token.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(verifier.verify(token.get(), origin(request)));
        } catch (TokenVerifier.InvalidToken invalid) {
            LOG.debug("A {} token refused: {}", subscriber ? "subscriber's" : "publisher's", invalid.getMessage());
            throw Challenges.invalid(metadataUri(request));
        }
    }

    private static URI hubUri(ClientRequest request) {
        return URI.create(origin(request) + PATH);
    }

    private static String metadataUri(ClientRequest request) {
        return origin(request) + METADATA_PATH;
    }

    private static String origin(ClientRequest request) {
        String host = request.header("Host").orElse("localhost");
        if (!host.matches("[A-Za-z0-9.:\\[\\]-]{1,300}")) {
            host = "localhost"; // not a host name: never echoed into a URI or a header
        }
        return (request.isSecure() ? "https://" : "http://") + host;
    }
}
