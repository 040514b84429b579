package dev.spout.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.auth.Access;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.sse.SseEvent;
import dev.spout.testkit.Await;
import dev.spout.testkit.Refusal;
import dev.spout.testkit.SseTestClient;
import dev.spout.testkit.SseTestClient.Event;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Streams chosen per request on a Servlet container: per-user topics from the container's user, several topics. */
class ServletSubscriptionTest extends OnContainers {
    static final Duration WAIT = Duration.ofSeconds(10);

    @ParameterizedTest
    @EnumSource(Container.class)
    void eachUserFollowsTheirOwnTopicAndTheSharedOne(Container container) throws Exception {
        spout = ServletSpout.create();
        spout.topicPattern("user/*", t -> t.history(100, Duration.ofMinutes(5)));
        Topic everyone = spout.topic("everyone", t -> t.history(100, Duration.ofMinutes(5)));
        running = container.start(new Container.Deployment()
                .filter("users", new UserFilter())
                .servlet(
                        "/notifications",
                        spout.subscriptionServlet(request -> request.user()
                                .<Subscription>map(user -> Subscription.to(spout.topic("user/" + user), everyone)
                                        .typedByTopic())
                                .orElse(Subscription.refuse(Access.UNAUTHORIZED)))));

        assertThat(Refusal.of(running.uri("/notifications"), Map.of()).status()).isEqualTo(401);

        String resumeAt;
        try (var ann = SseTestClient.open(running.uri("/notifications"), Map.of("X-Test-User", "ann"));
                var bob = SseTestClient.open(running.uri("/notifications"), Map.of("X-Test-User", "bob"))) {
            Await.value("subscribers of everyone", everyone::subscribers, 2);
            spout.topic("user/ann").publish("for ann");
            spout.topic("user/bob").publish("for bob");
            everyone.publish("for all");
            assertThat(ann.next(2, WAIT))
                    .extracting(Event::type, Event::data)
                    .as("typed by topic; two topics' events come in either order")
                    .containsExactlyInAnyOrder(
                            org.assertj.core.groups.Tuple.tuple("user/ann", "for ann"),
                            org.assertj.core.groups.Tuple.tuple("everyone", "for all"));
            List<Event> bobs = bob.next(2, WAIT);
            assertThat(bobs).extracting(Event::data).containsExactlyInAnyOrder("for bob", "for all");
            resumeAt = bobs.getLast().lastEventId();
        }
        spout.publish(SseEvent.of("both"), List.of(spout.topic("user/bob"), everyone));
        try (var back = SseTestClient.open(
                running.uri("/notifications"), Map.of("X-Test-User", "bob", "Last-Event-ID", resumeAt))) {
            assertThat(back.next(1, WAIT))
                    .as("exactly what followed the last id it saw: the event of both topics, once")
                    .extracting(Event::data)
                    .containsExactly("both");
        }
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void aSubscriptionChosenByTheApplicationIsStreamedWithItsTopicsAuthorizers(Container container) throws Exception {
        spout = ServletSpout.create();
        Topic open = spout.topic("open");
        Topic closed = spout.topic("closed", t -> t.authorize(request -> Access.FORBIDDEN));
        running = container.start(new Container.Deployment()
                .servlet("/open", new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void doGet(
                            jakarta.servlet.http.HttpServletRequest request,
                            jakarta.servlet.http.HttpServletResponse response)
                            throws java.io.IOException, jakarta.servlet.ServletException {
                        spout.stream(request, response, Subscription.to(open));
                    }
                })
                .servlet("/both", new jakarta.servlet.http.HttpServlet() {
                    @Override
                    protected void doGet(
                            jakarta.servlet.http.HttpServletRequest request,
                            jakarta.servlet.http.HttpServletResponse response)
                            throws java.io.IOException, jakarta.servlet.ServletException {
                        spout.stream(request, response, Subscription.to(open, closed));
                    }
                }));
        var refused = Refusal.of(running.uri("/both"), Map.of());
        assertThat(refused.status())
                .as("one forbidden topic refuses the whole stream")
                .isEqualTo(403);
        try (var client = SseTestClient.open(running.uri("/open"))) {
            Await.value("subscribers", open::subscribers, 1);
            String id = open.publish("hello");
            assertThat(client.next(WAIT)).isEqualTo(new Event("message", "hello", id));
        }
    }
}
