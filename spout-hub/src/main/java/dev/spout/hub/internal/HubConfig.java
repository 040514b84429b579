package dev.spout.hub.internal;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The hub's settings as its front door ({@code MercureHub}) hands them in: the keys publishers' and subscribers'
 * tokens are signed with, whether anonymous subscribers are admitted, the resource identifier a 1.0 token's {@code aud}
 * must name, and the bounds of the update log.
 *
 * <pre>{@code
 * new HubConfig("HS256", secret, "HS256", secret, false, null, 10_000, Duration.ofHours(1), 1 << 20, "/");
 * }</pre>
 *
 * @param publisherAlgorithm the algorithm of publishers' tokens
 * @param publisherKey its shared secret, or PEM public key
 * @param subscriberAlgorithm the algorithm of subscribers' tokens, or null if subscribers present none
 * @param subscriberKey its key, or null
 * @param anonymous whether subscribers without a token are admitted (to public updates)
 * @param resource the identifier a 1.0 token's {@code aud} must name, or null not to check it
 * @param historyUpdates how many updates the log keeps for reconnecting subscribers
 * @param historyAge how long it keeps them
 * @param maxUpdateBytes the largest update, encoded, that a publisher may send
 * @param debugPage where the page to try the hub by hand is served, or null for nowhere
 */
public record HubConfig(
        String publisherAlgorithm,
        String publisherKey,
        @Nullable String subscriberAlgorithm,
        @Nullable String subscriberKey,
        boolean anonymous,
        @Nullable String resource,
        int historyUpdates,
        Duration historyAge,
        int maxUpdateBytes,
        @Nullable String debugPage) {

    public HubConfig {
        Objects.requireNonNull(publisherAlgorithm, "publisherAlgorithm");
        Objects.requireNonNull(publisherKey, "publisherKey");
        if ((subscriberAlgorithm == null) != (subscriberKey == null)) {
            throw new IllegalArgumentException("A subscriber key needs its algorithm, and an algorithm its key");
        }
        if (subscriberKey == null && !anonymous) {
            throw new IllegalArgumentException(
                    "Subscribers need a way in: a subscriber key (for their tokens) or anonymous subscribers");
        }
    }
}
