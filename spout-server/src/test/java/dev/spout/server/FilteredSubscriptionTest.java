package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A topic whose events carry labels, followed through a filter per subscriber (what a hub of many publishers' topics
 * is built on): each stream sends what its filter accepts, with the topic's own ids, live and replayed alike.
 */
class FilteredSubscriptionTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    final Spout app = Spout.create();
    Topic log;

    @BeforeEach
    void start() {
        log = app.topic("log", topic -> topic.history(10_000, Duration.ofHours(1)));
        // ?label=a&label=b: the events labelled a or b; ?after=<id>: where to resume if there is no Last-Event-ID
        app.subscribe("/follow", request -> {
            Set<String> wanted = Set.copyOf(request.queryParameters("label"));
            return Subscription.to(log)
                    .filtered(labels -> labels.stream().anyMatch(wanted::contains))
                    .resumingAfter(request.header("Last-Event-ID")
                            .or(() -> request.queryParameter("after"))
                            .orElse(null));
        });
        app.start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.close();
    }

    SseTestClient open(String query, Map<String, String> headers) {
        return SseTestClient.open(app.uri("/follow?" + query), headers);
    }

    @Test
    void eachStreamSendsWhatItsFilterAcceptsWithTheTopicsIds() {
        try (var books = open("label=books", Map.of());
                var both = open("label=books&label=films", Map.of())) {
            Await.until("both subscribed", () -> log.subscribers() == 2);
            String one = log.publish(SseEvent.of("dune"), List.of("books"));
            log.publish(SseEvent.of("alien"), List.of("films"));
            log.publish(SseEvent.of("plain"));
            String four = log.publish(SseEvent.of("solaris").withEvent("title"), List.of("films", "books"));
            assertThat(books.next(2, WAIT))
                    .containsExactly(new Event("message", "dune", one), new Event("title", "solaris", four));
            assertThat(both.next(3, WAIT)).extracting(Event::data).containsExactly("dune", "alien", "solaris");
            assertThat(books.pending()).isEmpty();
        }
    }

    @Test
    void aReconnectingClientGetsExactlyTheAcceptedEventsItMissed() {
        String first = log.publish(SseEvent.of("b1"), List.of("books"));
        for (int i = 0; i < 50; i++) {
            log.publish(SseEvent.of("f" + i), List.of("films"));
        }
        log.publish(SseEvent.of("b2"), List.of("books"));
        try (var back = open("label=books", Map.of("Last-Event-ID", first))) {
            assertThat(back.next(WAIT).data()).isEqualTo("b2");
            String live = log.publish(SseEvent.of("b3"), List.of("books"));
            assertThat(back.next(WAIT)).isEqualTo(new Event("message", "b3", live));
        }
        // the query's id when there is no header; the header first when there is one; "" for the beginning
        try (var fromQuery = open("label=books&after=" + first, Map.of())) {
            assertThat(fromQuery.next(2, WAIT)).extracting(Event::data).containsExactly("b2", "b3");
        }
        try (var headerFirst = open("label=books&after=" + first, Map.of("Last-Event-ID", log.publish("x")))) {
            String b4 = log.publish(SseEvent.of("b4"), List.of("books"));
            assertThat(headerFirst.next(WAIT)).isEqualTo(new Event("message", "b4", b4));
        }
        try (var everything = open("label=books&after=", Map.of())) {
            assertThat(everything.next(4, WAIT)).extracting(Event::data).containsExactly("b1", "b2", "b3", "b4");
        }
    }

    @Test
    void aStreamThatRefusesThousandsInARowStillSendsTheNextItAccepts() {
        try (var rare = open("label=rare", Map.of())) {
            Await.until("subscribed", () -> log.subscribers() == 1);
            for (int i = 0; i < 5_000; i++) {
                log.publishAsync(SseEvent.of("common " + i), List.of("common"));
            }
            String id = log.publish(SseEvent.of("found"), List.of("rare"));
            assertThat(rare.next(WAIT)).isEqualTo(new Event("message", "found", id));
            assertThat(log.stats().dropped()).isZero();
        }
    }

    @Test
    void aFilterIsToldWhenItsStreamOpensAndWhenItEnds() {
        var told = new java.util.concurrent.CopyOnWriteArrayList<String>();
        app.subscribe(
                "/told",
                request -> Subscription.to(log).filtered(new dev.spout.engine.topic.EventFilter() {
                    @Override
                    public boolean accepts(List<String> labels) {
                        return true;
                    }

                    @Override
                    public void opened() {
                        told.add("opened");
                    }

                    @Override
                    public void closed() {
                        told.add("closed");
                    }
                }));
        try (var client = SseTestClient.open(app.uri("/told"))) {
            Await.until("opened", () -> told.contains("opened"));
            assertThat(told).containsExactly("opened");
        }
        Await.until("closed", () -> told.size() == 2);
        assertThat(told).containsExactly("opened", "closed");
    }

    @Test
    void aStreamWhoseFilterSaysWhenItEndsEndsThen() {
        var ends = java.time.Instant.now().plusMillis(300);
        app.subscribe(
                "/expiring",
                request -> Subscription.to(log).filtered(new dev.spout.engine.topic.EventFilter() {
                    @Override
                    public boolean accepts(List<String> labels) {
                        return true;
                    }

                    @Override
                    public java.time.Instant endsAt() {
                        return ends;
                    }
                }));
        try (var client = SseTestClient.open(app.uri("/expiring"));
                var lasting = open("label=x", Map.of())) {
            Await.until("both subscribed", () -> log.subscribers() == 2);
            String id = log.publish(SseEvent.of("before"), List.of("x"));
            assertThat(client.next(WAIT).lastEventId()).isEqualTo(id);
            assertThat(client.awaitEnd(WAIT)).as("ended by its filter's endsAt").isTrue();
            assertThat(java.time.Instant.now()).isAfterOrEqualTo(ends);
            assertThat(lasting.isEnded()).as("a stream without endsAt goes on").isFalse();
        }
    }

    @Test
    void aSubscriptionAnswersWithItsOwnHeadersButNotTheStreamsOwn() {
        app.subscribe("/with-header", request -> Subscription.to(log).withHeader("X-Starts-After", "42"));
        try (var client = SseTestClient.open(app.uri("/with-header"))) {
            assertThat(client.headers().firstValue("X-Starts-After")).hasValue("42");
            assertThat(client.headers().firstValue("Content-Type")).hasValue("text/event-stream");
        }
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Subscription.to(log).withHeader("Content-Type", "text/html"))
                .withMessageContaining("sets Content-Type itself");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Subscription.to(log).withHeader("X-A", "1\r\nX-B: 2"))
                .withMessageContaining("CR or LF");
        assertThat(log.newestId()).isEmpty();
        String id = log.publish("x");
        assertThat(log.newestId()).hasValue(id);
    }

    @Test
    void labelsAreOneLineEachAndBoundedAndAFilterIsForOneTopic() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> log.publish(SseEvent.of("x"), List.of("a\nb")))
                .withMessageContaining("CR, LF or NUL");
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> log.publish(SseEvent.of("x"), java.util.Collections.nCopies(Topic.MAX_LABELS + 1, "a")))
                .withMessageContaining("at most " + Topic.MAX_LABELS);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Subscription.to(log, app.topic("other")).filtered(labels -> true))
                .withMessageContaining("one topic");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Subscription.to(log).typedByTopic().filtered(labels -> true))
                .withMessageContaining("one topic");
    }
}
