package dev.spout.server;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Where a stream of several topics resumes, exactly: from every id it ever sent, the next stream gives precisely the
 * events that came after that id (in each topic's order, none twice, none missing), across the checkpoints it
 * renewed on the way; an id whose place a topic's history no longer holds goes to that topic's gap policy alone.
 */
class MultiTopicResumeTest {
    static final Duration WAIT = Duration.ofSeconds(10);
    static final int TOPICS = 10; // more than a checkpoint counts (8): the stream renews its checkpoint as it goes
    static final int EVENTS = 40;

    final Spout app = Spout.create();
    final List<Topic> topics = new ArrayList<>();
    final List<ReplayGap> gaps = new CopyOnWriteArrayList<>();

    @AfterEach
    void stop() {
        app.close();
    }

    /**
     * The events as the first stream sent them: each event's id, and its data ({@code s<k>} for an event of one
     * topic, {@code m<k>} for one published to two, now and then, if {@code twoTopics}).
     */
    List<Event> publishAndReadAll(boolean twoTopics) {
        app.subscribe("/all", request -> Subscription.to(topics).typedByTopic());
        app.start("127.0.0.1", 0);
        List<Event> sent;
        try (var first = SseTestClient.open(app.uri("/all"))) {
            Await.value("the last topic's subscribers", () -> topics.getLast().subscribers(), 1);
            for (int k = 0; k < EVENTS; k++) {
                Topic topic = topics.get(k * 7 % TOPICS);
                if (twoTopics && k % 9 == 4) { // now and then one event in two topics: one id, sent once
                    app.publish(SseEvent.of("m" + k), List.of(topic, topics.get((k * 7 + 1) % TOPICS)));
                } else {
                    topic.publish("s" + k);
                }
            }
            sent = first.next(EVENTS, WAIT);
        }
        Await.value("the last topic's subscribers", () -> topics.getLast().subscribers(), 0);
        return sent;
    }

    @Test
    void fromEveryIdItSentAStreamResumesWithExactlyWhatCameAfter() {
        for (int t = 0; t < TOPICS; t++) {
            topics.add(app.topic("t" + t));
        }
        List<Event> sent = publishAndReadAll(true);
        assertThat(sent).extracting(Event::data).doesNotHaveDuplicates();

        for (int i = 0; i < EVENTS; i++) {
            List<Event> after = sent.subList(i + 1, sent.size());
            try (var resumed = SseTestClient.open(
                    app.uri("/all"), Map.of("Last-Event-ID", sent.get(i).lastEventId()))) {
                List<Event> got = resumed.next(after.size(), WAIT);
                assertThat(got)
                        .as("after %s (%d of %d)", sent.get(i).data(), i + 1, sent.size())
                        .extracting(Event::data)
                        .containsExactlyInAnyOrderElementsOf(
                                after.stream().map(Event::data).toList());
                for (Topic topic : topics) { // each topic's events in the order it had them
                    assertThat(dataOf(got, topic.name())).isEqualTo(dataOf(after, topic.name()));
                }
                Await.value(
                        "the last topic's subscribers", () -> topics.getLast().subscribers(), 1);
                String live = "live after " + i;
                topics.getFirst().publish(live);
                assertThat(resumed.next(WAIT).data())
                        .as("nothing more before the next event")
                        .isEqualTo(live);
            }
            Await.value("the last topic's subscribers", () -> topics.getLast().subscribers(), 0);
            sent = withLive(sent, i);
        }
        assertThat(gaps).isEmpty();
    }

    /**
     * The first stream's events with the live one of round {@code i} in the first topic's history too: the next
     * rounds must get it after their id, like any other.
     */
    private List<Event> withLive(List<Event> sent, int round) {
        List<Event> all = new ArrayList<>(sent);
        all.add(new Event(topics.getFirst().name(), "live after " + round, null));
        return all;
    }

    @Test
    void aTopicWhoseHistoryNoLongerHoldsThePlaceGoesToItsGapPolicyAndTheOthersResumeExactly() {
        for (int t = 0; t < TOPICS - 1; t++) {
            topics.add(app.topic("t" + t));
        }
        topics.add(app.topic(
                "short",
                t -> t.history(2, Duration.ofHours(1)).onReplayGap(gap -> {
                    gaps.add(gap);
                    return Replay.liveOnly();
                })));
        List<Event> sent = publishAndReadAll(false);
        String early = sent.get(1).lastEventId();
        Topic shortTopic = topics.getLast();
        for (int k = 0; k < 3; k++) { // the short history now holds none of what the stream had of it then
            shortTopic.publish("pushed out " + k);
        }

        try (var resumed = SseTestClient.open(app.uri("/all"), Map.of("Last-Event-ID", early))) {
            List<Event> after = sent.subList(2, sent.size());
            List<Event> expected =
                    after.stream().filter(e -> !e.type().equals("short")).toList();
            List<Event> got = resumed.next(expected.size(), WAIT);
            assertThat(got)
                    .extracting(Event::data)
                    .containsExactlyInAnyOrderElementsOf(
                            expected.stream().map(Event::data).toList());
            Await.value("short's subscribers", shortTopic::subscribers, 1);
            shortTopic.publish("live");
            assertThat(resumed.next(WAIT).data())
                    .as("live only, as its gap policy says")
                    .isEqualTo("live");
        }
        assertThat(gaps).singleElement().satisfies(gap -> {
            assertThat(gap.topic()).isEqualTo("short");
            assertThat(gap.lastEventId()).isEqualTo(early);
        });
    }

    /** The events of one topic alone, in order (an event of two topics is typed by whichever passes it first). */
    private static List<String> dataOf(List<Event> events, String type) {
        return events.stream()
                .filter(e -> e.type().equals(type) && !e.data().startsWith("m"))
                .map(Event::data)
                .toList();
    }
}
