package dev.spout.mercure.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** One subscriber's view of the log, by the labels each update carries: selectors, privacy, grants, expiry. */
class SubscriberFilterTest {
    static final List<String> PUBLIC_BOOK = List.of("public", "https://example.com/books/1");
    static final List<String> PRIVATE_BOOK = List.of("private", "https://example.com/books/1");

    static Grants granting(String selector, Instant expires) {
        return new Grants(
                List.of(new Grant(Set.of(Grant.Action.SUBSCRIBE), List.of(TopicSelector.legacy(selector)), null)),
                "ann",
                expires);
    }

    @Test
    void anUpdateIsSentWhenASelectorSelectsOneOfItsTopicsAndAPrivateOneWhenAGrantDoesToo() {
        var books = new SubscriberFilter(List.of(TopicSelector.legacy("https://example.com/books/{id}")), Grants.NONE);
        assertThat(books.accepts(PUBLIC_BOOK)).isTrue();
        assertThat(books.accepts(PRIVATE_BOOK)).isFalse();
        assertThat(books.accepts(List.of("public", "https://example.com/films/1")))
                .isFalse();
        assertThat(books.accepts(List.of("public", "https://example.com/films/1", "https://example.com/books/2")))
                .as("an alternate topic")
                .isTrue();
        assertThat(books.accepts(List.of()))
                .as("an event the hub did not publish")
                .isFalse();
        assertThat(books.accepts(List.of("https://example.com/books/1")))
                .as("not the hub's labels")
                .isFalse();
        var granted = new SubscriberFilter(List.of(TopicSelector.exact("*")), granting("*", null));
        assertThat(granted.accepts(PRIVATE_BOOK)).isTrue();
    }

    /**
     * A subscriber's templates share one budget of reads per update: 64 selectors that each would read up to the bound
     * cost no more than one does, and an exact selector after them still decides.
     */
    @Test
    void manyCostlySelectorsShareOneBoundOfWorkPerUpdate() {
        String costly = "{a}{b}{c}{d}{e}{f}{g}{h}x";
        String topic = "a".repeat(2000) + "y";
        var selectors = new java.util.ArrayList<TopicSelector>();
        for (int i = 0; i < SubscribeQuery.MAX_SELECTORS - 1; i++) {
            selectors.add(TopicSelector.legacy(costly + i));
        }
        var onlyCostly = new SubscriberFilter(List.copyOf(selectors), Grants.NONE);
        assertThat(onlyCostly.accepts(List.of("public", topic))).isFalse();
        selectors.add(TopicSelector.exact(topic));
        var withExact = new SubscriberFilter(selectors, Grants.NONE);
        assertThat(withExact.accepts(List.of("public", topic))).isTrue();
    }

    @Test
    void aStreamWhoseTokenHasExpiredGetsNoMorePrivateUpdates() {
        Instant expires = Instant.parse("2026-12-07T12:00:00Z");
        var now = new AtomicReference<>(expires.minusSeconds(1));
        InstantSource clock = now::get;
        var filter = new SubscriberFilter(List.of(TopicSelector.exact("*")), granting("*", expires), clock);
        assertThat(filter.accepts(PRIVATE_BOOK)).isTrue();
        now.set(expires);
        assertThat(filter.accepts(PRIVATE_BOOK)).isFalse();
        assertThat(filter.accepts(PUBLIC_BOOK))
                .as("public updates need no token")
                .isTrue();
    }
}
