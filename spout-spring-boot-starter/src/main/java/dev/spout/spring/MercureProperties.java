package dev.spout.spring;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Mercure hub an application serves at {@code /.well-known/mercure} when it sets {@code spout.mercure.publisher-key}
 * (and has dev.spout:spout-mercure on the class path): the keys of its publishers' and subscribers' tokens, whether
 * anonymous subscribers are admitted, whether subscriptions are announced.
 *
 * <pre>
 * spout.mercure.publisher-key=${MERCURE_PUBLISHER_JWT_KEY}
 * spout.mercure.subscriber-key=${MERCURE_SUBSCRIBER_JWT_KEY}
 * </pre>
 */
@ConfigurationProperties("spout.mercure")
public class MercureProperties {
    /** The key publishers' tokens are signed with: a shared secret, or the PEM of a public key. */
    private @Nullable String publisherKey;

    /** The algorithm of publishers' tokens (HS256, HS512, RS256, ES256...). */
    private String publisherAlgorithm = "HS256";

    /** The key subscribers' tokens are signed with; unset, only anonymous subscribers (if admitted). */
    private @Nullable String subscriberKey;

    /** The algorithm of subscribers' tokens. */
    private String subscriberAlgorithm = "HS256";

    /** Whether subscribers without a token are admitted, to public updates. */
    private boolean anonymous;

    /** Whether subscribers are announced (Mercure's active subscriptions). */
    private boolean subscriptions;

    public @Nullable String getPublisherKey() {
        return publisherKey;
    }

    public void setPublisherKey(@Nullable String publisherKey) {
        this.publisherKey = publisherKey;
    }

    public String getPublisherAlgorithm() {
        return publisherAlgorithm;
    }

    public void setPublisherAlgorithm(String publisherAlgorithm) {
        this.publisherAlgorithm = publisherAlgorithm;
    }

    public @Nullable String getSubscriberKey() {
        return subscriberKey;
    }

    public void setSubscriberKey(@Nullable String subscriberKey) {
        this.subscriberKey = subscriberKey;
    }

    public String getSubscriberAlgorithm() {
        return subscriberAlgorithm;
    }

    public void setSubscriberAlgorithm(String subscriberAlgorithm) {
        this.subscriberAlgorithm = subscriberAlgorithm;
    }

    public boolean isAnonymous() {
        return anonymous;
    }

    public void setAnonymous(boolean anonymous) {
        this.anonymous = anonymous;
    }

    public boolean isSubscriptions() {
        return subscriptions;
    }

    public void setSubscriptions(boolean subscriptions) {
        this.subscriptions = subscriptions;
    }
}
