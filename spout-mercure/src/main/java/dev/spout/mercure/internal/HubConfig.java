package dev.spout.mercure.internal;

import java.time.Duration;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The hub's settings as its front door ({@code MercureHub}) hands them in: the keys publishers' and subscribers'
 * tokens are signed with, whether anonymous subscribers are admitted, the resource identifier a 1.0 token's {@code aud}
 * must name, and the bounds of the update log.
 *
 * <pre>{@code
 * var keys = TokenKeys.given("HS256", secret);
 * new HubConfig(keys, keys, false, null, 10_000, Duration.ofHours(1), 1 << 20, true);
 * }</pre>
 *
 * @param publishers the keys of publishers' tokens
 * @param subscribers the keys of subscribers' tokens, or null if subscribers present none
 * @param anonymous whether subscribers without a token are admitted (to public updates)
 * @param resource the identifier a 1.0 token's {@code aud} must name, or null not to check it
 * @param historyUpdates how many updates the log keeps for reconnecting subscribers
 * @param historyAge how long it keeps them
 * @param maxUpdateBytes the largest update, encoded, that a publisher may send
 * @param subscriptions whether subscribers are announced (Mercure's active subscriptions: events and API)
 */
public record HubConfig(
        TokenKeys publishers,
        @Nullable TokenKeys subscribers,
        boolean anonymous,
        @Nullable String resource,
        int historyUpdates,
        Duration historyAge,
        int maxUpdateBytes,
        boolean subscriptions) {

    public HubConfig {
        Objects.requireNonNull(publishers, "publishers");
        if (subscribers == null && !anonymous) {
            throw new IllegalArgumentException(
                    "Subscribers need a way in: a subscriber key (for their tokens) or anonymous subscribers");
        }
    }
}
