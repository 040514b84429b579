package dev.spout.redis;

import dev.spout.engine.topic.Replay;
import dev.spout.engine.topic.ReplayGap;
import dev.spout.engine.topic.Subscription;
import dev.spout.engine.topic.Topic;
import dev.spout.server.Spout;
import dev.spout.testkit.Await;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;

/**
 * Spout nodes on a real Redis Cluster of three masters (with a replica each, for the failover tests), for the cluster
 * tests: each node streams rooms at {@code /rooms/{id}} (only the events labelled {@code ?label=x} if asked), one
 * topic at {@code /topic?name=} and several at once at {@code /feed?topic=...}; closed with the cluster after each
 * test.
 *
 * <pre>{@code
 * try (var spout = ClusterNodes.start()) {
 *     Spout a = spout.node("spout-a", 1024);
 * }
 * }</pre>
 */
final class ClusterNodes implements AutoCloseable {
    static final Duration WAIT = Duration.ofSeconds(20);
    static final int ROOMS = 12; // their names hash to slots of all three masters (asserted, not assumed)

    final RedisCluster cluster;
    final List<Spout> nodes = new ArrayList<>();
    final Map<Spout, RedisBroker> brokers = new HashMap<>();
    /** The replay gaps every node's topics met: none, unless Redis lost events. */
    final List<ReplayGap> gaps = new CopyOnWriteArrayList<>();

    private ClusterNodes(RedisCluster cluster) {
        this.cluster = cluster;
    }

    static ClusterNodes start() throws Exception {
        return new ClusterNodes(RedisCluster.start(3));
    }

    /** Nodes on a cluster of three masters with a replica each, for the failover tests. */
    static ClusterNodes withReplicas() throws Exception {
        return new ClusterNodes(RedisCluster.withReplicas(3));
    }

    /** A node on the cluster, its connections named {@code name}, its topics keeping {@code history} events. */
    Spout node(String name, int history) {
        return node(name, history, UnaryOperator.identity());
    }

    /** A node as {@link #node(String, int)}, its broker's settings changed first (waiting for replicas, say). */
    Spout node(String name, int history, UnaryOperator<RedisBrokerBuilder> settings) {
        var broker = settings.apply(RedisBroker.builder(cluster.uri()).clientName(name))
                .build();
        var node = Spout.create(options -> options.broker(broker));
        for (String pattern : List.of("room/*", "pair/*/*", "user/*/*")) {
            node.topicPattern(
                    pattern,
                    t -> t.history(history, Duration.ofMinutes(5)).onReplayGap(gap -> {
                        gaps.add(gap);
                        return Replay.history();
                    }));
        }
        node.subscribe("/rooms/{id}", request -> {
            Topic room = node.topic("room/" + request.pathParameter("id").orElseThrow());
            return request.queryParameter("label")
                    .map(wanted -> Subscription.to(room).filtered(labels -> labels.contains(wanted)))
                    .orElseGet(() -> Subscription.to(room));
        });
        node.subscribe(
                "/topic",
                request -> Subscription.to(
                        node.topic(request.queryParameter("name").orElseThrow())));
        node.subscribe(
                "/feed",
                request -> Subscription.to(request.queryParameters("topic").stream()
                                .map(node::topic)
                                .toList())
                        .typedByTopic());
        node.start("127.0.0.1", 0);
        nodes.add(node);
        brokers.put(node, broker);
        return node;
    }

    static String room(int i) {
        return "room/" + i;
    }

    /** The path of a stream of this topic alone, its ids the stream's. */
    static String one(String topic) {
        return "/topic?name=" + URLEncoder.encode(topic, StandardCharsets.UTF_8);
    }

    /** The path of a stream of these topics. */
    static String feed(List<String> topics) {
        return "/feed?"
                + String.join(
                        "&",
                        topics.stream()
                                .map(t -> "topic=" + URLEncoder.encode(t, StandardCharsets.UTF_8))
                                .toList());
    }

    static String stream(String topic) {
        return "spout:{" + topic + "}";
    }

    static void awaitSubscribers(Topic topic, int count) {
        Await.until("at least " + count + " subscribers of " + topic.name(), () -> topic.subscribers() >= count, WAIT);
    }

    /** The port of the master that holds this key. */
    int masterOf(String key) {
        return cluster.keysByMaster(key).entrySet().stream()
                .filter(e -> e.getValue().contains(key))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no master holds " + key));
    }

    @Override
    public void close() throws Exception {
        for (Spout node : nodes) {
            try {
                node.close();
            } catch (RuntimeException alreadyStopped) {
                // a node a test killed
            }
        }
        cluster.close();
    }
}
