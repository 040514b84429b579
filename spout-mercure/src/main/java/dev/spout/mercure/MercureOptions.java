package dev.spout.mercure;

import dev.spout.mercure.internal.TokenKeys;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * How a Mercure hub ({@link Mercure}) checks tokens and keeps updates. Publishers always present a token; subscribers present
 * one signed with the subscriber key, or none where anonymous subscribers are admitted (to public updates only).
 *
 * <pre>{@code
 * Mercure.create(app::topic, hub -> hub
 *         .publisherKey("HS256", System.getenv("MERCURE_PUBLISHER_JWT_KEY"))
 *         .subscriberKey("HS256", System.getenv("MERCURE_SUBSCRIBER_JWT_KEY"))
 *         .history(10_000, Duration.ofHours(1)));
 * }</pre>
 */
public final class MercureOptions {
    @Nullable
    TokenKeys publishers;

    @Nullable
    TokenKeys subscribers;

    boolean anonymous;

    @Nullable
    String resource;

    int historyUpdates = 10_000;
    Duration historyAge = Duration.ofHours(1);
    int maxUpdateBytes = 1 << 20;

    boolean subscriptions;

    MercureOptions() {}

    /**
     * The key publishers' tokens are signed with: {@code HS256}, {@code HS384}, {@code HS512} with a shared secret;
     * {@code RS256}…{@code RS512}, {@code ES256}…{@code ES512} with the PEM of a public key.
     */
    public MercureOptions publisherKey(String algorithm, String key) {
        this.publishers = TokenKeys.given(algorithm, key);
        return this;
    }

    /**
     * Publishers' tokens are verified with the keys of the JWK Set at this URL (an identity provider's), fetched and
     * cached; {@code algorithm} is the one algorithm taken ({@code RS256}, {@code ES256}…).
     */
    public MercureOptions publisherJwks(String algorithm, URI jwks) {
        this.publishers = TokenKeys.jwks(algorithm, jwks);
        return this;
    }

    /** The key subscribers' tokens are signed with, as {@link #publisherKey}. */
    public MercureOptions subscriberKey(String algorithm, String key) {
        this.subscribers = TokenKeys.given(algorithm, key);
        return this;
    }

    /** Subscribers' tokens are verified with the keys of a JWK Set, as {@link #publisherJwks}. */
    public MercureOptions subscriberJwks(String algorithm, URI jwks) {
        this.subscribers = TokenKeys.jwks(algorithm, jwks);
        return this;
    }

    /** Admits subscribers without a token, to public updates (default: not). */
    public MercureOptions anonymous(boolean admitted) {
        this.anonymous = admitted;
        return this;
    }

    /** The hub's resource identifier, which a Mercure 1.0 token's {@code aud} must name (default: not checked). */
    public MercureOptions resource(String identifier) {
        this.resource = Objects.requireNonNull(identifier, "identifier");
        return this;
    }

    /**
     * How many updates, and for how long, the hub keeps for subscribers that reconnect (default 10,000 for an hour; with
     * Redis, the broker's own bound applies too).
     */
    public MercureOptions history(int updates, Duration age) {
        if (updates < 1 || age.isNegative() || age.isZero()) {
            throw new IllegalArgumentException("A history keeps at least one update for some time");
        }
        this.historyUpdates = updates;
        this.historyAge = age;
        return this;
    }

    /**
     * Announces subscribers (Mercure's active subscriptions): a private update of type {@code mercure} to {@code
     * /.well-known/mercure/subscriptions/{match_type}/{match}/{subscriber}} when each subscription starts and ends,
     * and the subscriptions API at {@code /.well-known/mercure/subscriptions} (this node's). Default: not.
     */
    public MercureOptions subscriptions(boolean announced) {
        this.subscriptions = announced;
        return this;
    }

    /** The largest update, encoded, a publisher may send (default 1 MiB); a larger one is answered {@code 413}. */
    public MercureOptions maxUpdateBytes(int bytes) {
        if (bytes < 1024) {
            throw new IllegalArgumentException("An update may be at least 1,024 bytes, got " + bytes);
        }
        this.maxUpdateBytes = bytes;
        return this;
    }
}
