package dev.spout.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import dev.spout.engine.topic.Topic;
import dev.spout.testkit.Await;
import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A client that leaves is noticed on a Servlet container too. The Servlet API has no close notification, so the
 * guarantee is the heartbeats': the stream ends within the heartbeat interval of the leaving at worst (measured:
 * 954 ms on Tomcat, 987 ms on Jetty, for one second). Asserted with half an interval's room for a busy machine:
 * heartbeats twice too far apart miss it.
 */
class ServletDisconnectTest extends OnContainers {
    static final Duration HEARTBEAT = Duration.ofMillis(1000);

    @ParameterizedTest
    @EnumSource(Container.class)
    void aClientThatLeavesIsNoticedByTheHeartbeats(Container container) throws Exception {
        spout = ServletSpout.create(options -> options.heartbeat(HEARTBEAT));
        Topic quiet = spout.topic("quiet");
        running = container.start(new Container.Deployment().servlet("/quiet", spout.servlet(quiet)));
        var client = RawStream.open(running.port(), "/quiet");
        Await.value("subscribers", quiet::subscribers, 1);
        long left = System.nanoTime();
        client.close();
        Await.value("subscribers once the client has left", quiet::subscribers, 0, Duration.ofSeconds(10));
        Duration noticed = Duration.ofNanos(System.nanoTime() - left);
        System.out.printf(
                "%s noticed the client's leaving after %d ms (heartbeat %d ms)%n",
                container, noticed.toMillis(), HEARTBEAT.toMillis());
        assertThat(noticed).isLessThan(HEARTBEAT.multipliedBy(3).dividedBy(2));
        assertThat(spout.openStreams()).isZero();
    }
}
