package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.spout.engine.auth.Access;
import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.topic.Replay;
import dev.spout.engine.topic.ReplayGap;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Streams whose topics are chosen per request: authorization first, several topics in one stream, their ids. */
class SubscriptionTest {
    static final Duration WAIT = Duration.ofSeconds(10);

    final Spout app = Spout.create();

    @AfterEach
    void stop() {
        app.close();
    }

    SseTestClient open(String path, Map<String, String> headers) {
        return SseTestClient.open(app.uri(path), headers);
    }

    /** Per user: the handler reads who asks (a header here, a session or token in an application). */
    void perUser() {
        app.subscribe("/users/{id}/events", request -> {
            String wanted = request.pathParameter("id").orElseThrow();
            var asking = request.header("X-User");
            if (asking.isEmpty()) {
                return Subscription.refuse(Access.UNAUTHORIZED);
            }
            if (!asking.get().equals(wanted)) {
                return Subscription.refuse(Access.FORBIDDEN);
            }
            return Subscription.to(app.topic("user/" + wanted));
        });
    }

    @Test
    void theHandlerChoosesEachRequestsTopicAndRefusesBeforeAnyByte() throws Exception {
        perUser();
        app.start("127.0.0.1", 0);

        try (var nobody = open("/users/ann/events", Map.of())) {
            assertThat(nobody.status()).isEqualTo(401);
            assertThat(nobody.headers().firstValue("Content-Type").orElse("none"))
                    .doesNotContain("event-stream");
        }
        try (var bob = open("/users/ann/events", Map.of("X-User", "bob"))) {
            assertThat(bob.status()).isEqualTo(403);
        }
        try (var ann = open("/users/ann/events", Map.of("X-User", "ann"));
                var bob = open("/users/bob/events", Map.of("X-User", "bob"))) {
            assertThat(ann.status()).isEqualTo(200);
            Await.value("ann's subscribers", () -> app.topic("user/ann").subscribers(), 1);
            Await.value("bob's subscribers", () -> app.topic("user/bob").subscribers(), 1);
            String id = app.topic("user/ann").publish("for ann");
            app.topic("user/bob").publish("for bob");
            assertThat(ann.next(WAIT))
                    .as("a stream of one topic has the topic's own ids")
                    .isEqualTo(new Event("message", "for ann", id));
            assertThat(bob.next(WAIT).data()).isEqualTo("for bob");
            assertThat(ann.pending()).isEmpty();
        }
    }

    @Test
    void theQueryCanNameTheTopicsAndAnAbsentParameterHasNoValues() throws Exception {
        Topic fallback = app.topic("fallback");
        app.subscribe("/chosen", request -> {
            List<String> names = request.queryParameters("topic");
            return Subscription.to(
                    names.isEmpty()
                            ? List.of(fallback)
                            : names.stream().map(app::topic).toList());
        });
        app.start("127.0.0.1", 0);
        try (var none = open("/chosen", Map.of());
                var named = open("/chosen?topic=x&topic=y", Map.of())) {
            Await.value("fallback's subscribers", fallback::subscribers, 1);
            Await.value("y's subscribers", () -> app.topic("y").subscribers(), 1);
            fallback.publish("to the fallback");
            app.topic("y").publish("to y");
            assertThat(none.next(WAIT).data()).isEqualTo("to the fallback");
            assertThat(named.next(WAIT).data()).isEqualTo("to y");
        }
    }

    @Test
    void everyChosenTopicsAuthorizerIsAskedAndTheStrictestRefusalWins() throws Exception {
        Topic open = app.topic("open");
        Topic staff = app.topic(
                "staff",
                t -> t.authorize(request -> request.header("X-Staff").isPresent() ? Access.ALLOW : Access.FORBIDDEN));
        Topic members = app.topic("members", t -> t.authorize(Authorizer.requireUser()));
        app.subscribe("/both", request -> Subscription.to(open, staff));
        app.subscribe("/all", request -> Subscription.to(open, members, staff));
        app.start("127.0.0.1", 0);

        try (var stream = open("/both", Map.of())) {
            assertThat(stream.status()).isEqualTo(403);
        }
        try (var stream = open("/all", Map.of("X-Staff", "yes"))) {
            assertThat(stream.status()).as("members refuses: not signed in").isEqualTo(401);
        }
        try (var stream = open("/all", Map.of())) {
            assertThat(stream.status()).as("403 over 401").isEqualTo(403);
        }
        assertThat(open.subscribers()).as("no refused request subscribed").isZero();
        try (var stream = open("/both", Map.of("X-Staff", "yes"))) {
            assertThat(stream.status()).isEqualTo(200);
            Await.value("open's subscribers", open::subscribers, 1);
        }
    }

    @Test
    void severalTopicsMakeOneStreamTypedByTopicEachInItsOrderAndAnEventOfSeveralComesOnce() throws Exception {
        Topic news = app.topic("news");
        Topic sport = app.topic("sport");
        Topic weather = app.topic("weather");
        app.subscribe("/feed", request -> Subscription.to(news, sport).typedByTopic());
        app.subscribe("/sport", request -> Subscription.to(sport));
        app.start("127.0.0.1", 0);

        try (var feed = open("/feed", Map.of());
                var sportOnly = open("/sport", Map.of())) {
            Await.value("sport's subscribers", sport::subscribers, 2);
            Await.value("news's subscribers", news::subscribers, 1);
            news.publish("n1");
            sport.publish("s1");
            String both = app.publish(SseEvent.of("both"), List.of(news, sport));
            weather.publish("w1");
            news.publish("n2");
            sport.publish("s2");

            List<Event> got = feed.next(5, WAIT);
            assertThat(got).extracting(Event::data).containsExactlyInAnyOrder("n1", "s1", "both", "n2", "s2");
            assertThat(dataOf(got, "news")).containsSubsequence("n1", "n2");
            assertThat(dataOf(got, "sport")).containsSubsequence("s1", "s2");
            assertThat(got).extracting(Event::lastEventId).allMatch(id -> id.startsWith("~") && id.length() < 40);
            assertThat(got).extracting(Event::lastEventId).doesNotHaveDuplicates();
            List<Event> plain = sportOnly.next(3, WAIT);
            assertThat(plain).extracting(Event::data).containsExactly("s1", "both", "s2");
            assertThat(plain.get(1).lastEventId()).as("one id in every topic").isEqualTo(both);
            assertThat(plain).extracting(Event::type).containsOnly("message");
            news.publish("n3");
            assertThat(feed.next(WAIT).data())
                    .as("nothing twice: the next event is the next one")
                    .isEqualTo("n3");
        }
    }

    @Test
    void aReconnectingStreamOfSeveralTopicsGetsExactlyWhatItMissedOfEach() throws Exception {
        Topic a = app.topic("a");
        Topic b = app.topic("b");
        Topic c = app.topic("c");
        app.subscribe("/abc", request -> Subscription.to(a, b, c));
        app.start("127.0.0.1", 0);
        String lastId;
        try (var first = open("/abc", Map.of())) {
            Await.value("c's subscribers", c::subscribers, 1);
            a.publish("a1");
            b.publish("b1");
            lastId = first.next(2, WAIT).get(1).lastEventId();
        }
        Await.value("c's subscribers", c::subscribers, 0);
        c.publish("c1");
        a.publish("a2");
        app.publish(SseEvent.of("ab"), List.of(a, b));
        b.publish("b2");
        try (var again = open("/abc", Map.of("Last-Event-ID", lastId))) {
            List<Event> missed = again.next(4, WAIT);
            assertThat(missed).extracting(Event::data).containsExactlyInAnyOrder("c1", "a2", "ab", "b2");
            assertThat(missed).extracting(Event::data).containsSubsequence("a2", "ab");
            assertThat(missed).extracting(Event::data).containsSubsequence("ab", "b2");
            c.publish("c2");
            assertThat(again.next(WAIT).data()).isEqualTo("c2");
        }
    }

    @Test
    void aForgedOrUnknownIdGetsEachTopicsGapPolicyNeverAnError() throws Exception {
        var gaps = new CopyOnWriteArrayList<ReplayGap>();
        Topic kept = app.topic("kept");
        Topic live = app.topic(
                "live",
                t -> t.onReplayGap(gap -> {
                    gaps.add(gap);
                    return Replay.liveOnly();
                }));
        app.subscribe("/two", request -> Subscription.to(kept, live));
        app.start("127.0.0.1", 0);
        kept.publish("old kept");
        live.publish("old live");
        byte[] unknownKey = new byte[9];
        unknownKey[0] = 1;
        Arrays.fill(unknownKey, 1, 9, (byte) 0x5a);
        List<String> forged = List.of(
                "~" + Base64.getUrlEncoder().withoutPadding().encodeToString(unknownKey), // no such checkpoint
                "~not base64!",
                "~",
                "~" + "A".repeat(5000),
                "1700000000000000", // a plain id: this stream never had it
                "12345-6");
        for (String id : forged) {
            try (var stream = open("/two", Map.of("Last-Event-ID", id))) {
                assertThat(stream.status()).as(id).isEqualTo(200);
                assertThat(stream.next(WAIT).data())
                        .as("the default replays the history")
                        .isEqualTo("old kept");
                Await.value("live's subscribers", live::subscribers, 1);
                live.publish("now");
                assertThat(stream.next(WAIT).data())
                        .as("live only: nothing older")
                        .isEqualTo("now");
            }
            Await.value("live's subscribers", live::subscribers, 0);
        }
        assertThat(gaps).extracting(ReplayGap::lastEventId).containsExactlyElementsOf(forged);
        assertThat(gaps).extracting(ReplayGap::topic).containsOnly("live");
    }

    @Test
    void anEventOfSeveralTopicsCannotCarryItsOwnIdAndMustNameEachTopicOnce() {
        Topic a = app.topic("a");
        Topic b = app.topic("b");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> app.publish(SseEvent.of("x").withId("mine"), List.of(a, b)))
                .withMessageContaining("cannot carry its own");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> app.publish(SseEvent.of("x"), List.of(a, a)))
                .withMessageContaining("twice");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Subscription.to(a, a))
                .withMessageContaining("twice");
        Topic badName = app.topic("line\nbreak");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Subscription.to(a, badName).typedByTopic());
    }

    /**
     * The race on purpose: a stream of 100 topics drops and resumes at least 50 times while events are published
     * to them without pause (some to two topics at once); every event arrives exactly once, in its topic's order.
     */
    @Test
    void aStreamOfAHundredTopicsResumedFiftyTimesUnderLoadLosesAndDuplicatesNothing() throws Exception {
        int topicCount = 100;
        List<Topic> topics = new ArrayList<>();
        for (int i = 0; i < topicCount; i++) {
            topics.add(app.topic("t" + i));
        }
        app.subscribe("/many", request -> Subscription.to(topics).typedByTopic());
        app.start("127.0.0.1", 0);
        int singles = 20_000;
        var first = open("/many", Map.of());
        Await.value("subscribers of the last topic", () -> topics.getLast().subscribers(), 1);

        // 20,000 events a second for one second; every 10th goes to two topics at once.
        Thread publisher = Thread.ofPlatform().start(() -> {
            long start = System.nanoTime();
            for (int i = 0; i < singles; i++) {
                int k = i % topicCount;
                if (i % 10 == 0) {
                    app.publish(SseEvent.of("m " + i), List.of(topics.get(k), topics.get((k + 1) % topicCount)));
                } else {
                    topics.get(k).publish("s " + k + " " + i);
                }
                if (i % 20 == 0) {
                    java.util.concurrent.locks.LockSupport.parkNanos(start + i * 50_000L - System.nanoTime());
                }
            }
        });

        List<String> received = new ArrayList<>();
        int maxIdLength = 0;
        String lastId = null;
        int connections = 0;
        var client = first;
        try {
            while (received.size() < singles && connections < 500) {
                int take = Math.min(singles - received.size(), 250 + connections % 150);
                for (Event event : client.next(take, WAIT)) {
                    received.add(event.data());
                    lastId = event.lastEventId();
                    maxIdLength = Math.max(maxIdLength, lastId.length());
                }
                client.close(); // drop the connection in the middle of the stream ...
                connections++;
                if (received.size() < singles) {
                    client = open("/many", Map.of("Last-Event-ID", lastId)); // ... and come back for the rest
                }
            }
        } finally {
            client.close();
        }
        publisher.join(WAIT.toMillis());

        assertThat(connections).isGreaterThanOrEqualTo(50);
        assertThat(received).doesNotHaveDuplicates().hasSize(singles);
        for (int k = 0; k < topicCount; k++) { // each topic's own events in its order
            String prefix = "s " + k + " ";
            List<Integer> order = received.stream()
                    .filter(d -> d.startsWith(prefix))
                    .map(d -> Integer.parseInt(d.substring(prefix.length())))
                    .toList();
            assertThat(order).isSorted();
        }
        assertThat(maxIdLength).as("ids stay one short line").isLessThan(80);
    }

    private static List<String> dataOf(List<Event> events, String type) {
        return events.stream()
                .filter(e -> e.type().equals(type))
                .map(Event::data)
                .toList();
    }
}
