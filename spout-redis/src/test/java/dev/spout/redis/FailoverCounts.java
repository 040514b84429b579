package dev.spout.redis;

import dev.spout.testkit.SseTestClient.Event;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the clients of a failover test got, against what the publisher was answered: for every event a publish
 * answered with an id, was it delivered to each client of its topic exactly once? Counted over all the clients:
 *
 * <ul>
 *   <li>{@code lostByRedis}: answered, and not in the stream after the failover (asynchronous replication: the master
 *       answered before its replica had it), whether a node delivered it before or not;
 *   <li>{@code lost}: answered, never delivered to a client; {@code skipped} of those are still in the stream (a
 *       node's fault: never expected);
 *   <li>{@code duplicated}: one id delivered twice to a client (never expected);
 *   <li>{@code delivered then lost}: delivered with an id the stream no longer has (the node had it from the master
 *       that died; the event's retry, with its idempotency key, then got another id): the client's stream ended so
 *       that the topic's gap policy decided, and {@code twice} counts the events such a client saw under two ids.
 * </ul>
 *
 * <pre>{@code
 * FailoverCounts counts = FailoverCounts.of(acked, idsInRedis, Map.of("room/1", List.of(clientA, clientB)));
 * assertThat(counts.duplicated()).isZero();
 * }</pre>
 */
record FailoverCounts(
        int acked,
        int lostByRedis,
        int deliveries,
        int lost,
        int skipped,
        int duplicated,
        int deliveredThenLost,
        int twice,
        int resumptions) {

    /**
     * @param idsInRedis the ids each topic's stream has after the failover
     * @param clientsByTopic the clients of each topic, subscribed before the publisher started
     */
    static FailoverCounts of(
            List<KeyedPublisher.Acked> acked,
            Map<String, Set<String>> idsInRedis,
            Map<String, List<ResumingClient>> clientsByTopic) {
        int lostByRedis = (int) acked.stream()
                .filter(event ->
                        !idsInRedis.getOrDefault(event.topic(), Set.of()).contains(event.id()))
                .count();
        int deliveries = 0;
        int lost = 0;
        int skipped = 0;
        int duplicated = 0;
        int deliveredThenLost = 0;
        int twice = 0;
        int resumptions = 0;
        for (var topic : clientsByTopic.entrySet()) {
            Map<String, String> idByData = new HashMap<>();
            for (KeyedPublisher.Acked event : acked) {
                if (event.topic().equals(topic.getKey())) {
                    idByData.put(event.data(), event.id());
                }
            }
            for (ResumingClient client : topic.getValue()) {
                resumptions += client.resumptions();
                Set<String> ids = new HashSet<>();
                Map<String, Set<String>> idsOfData = new HashMap<>();
                for (Event event : client.events()) {
                    if (!idByData.containsKey(event.data())) {
                        continue; // not one of the publisher's (published before it started)
                    }
                    deliveries++;
                    if (!ids.add(event.lastEventId())) {
                        duplicated++;
                    }
                    if (!idByData.get(event.data()).equals(event.lastEventId())) {
                        deliveredThenLost++;
                    }
                    idsOfData
                            .computeIfAbsent(event.data(), any -> new HashSet<>())
                            .add(event.lastEventId());
                }
                for (var data : idByData.entrySet()) {
                    Set<String> got = idsOfData.get(data.getKey());
                    if (got == null || !got.contains(data.getValue())) {
                        lost++;
                        if (idsInRedis.getOrDefault(topic.getKey(), Set.of()).contains(data.getValue())) {
                            skipped++;
                        }
                    } else if (got.size() > 1) {
                        twice++;
                    }
                }
            }
        }
        return new FailoverCounts(
                acked.size(),
                lostByRedis,
                deliveries,
                lost,
                skipped,
                duplicated,
                deliveredThenLost,
                twice,
                resumptions);
    }

    /** One line for the test's output. */
    String report(String run) {
        return run + ": " + acked + " events answered, " + lostByRedis + " of them not in Redis after the failover; "
                + deliveries + " deliveries to the clients; " + lost + " not delivered (" + skipped
                + " of them in Redis); "
                + duplicated + " duplicated; " + deliveredThenLost + " delivered then lost by Redis ("
                + twice + " of them seen again under their retry's id); the clients resumed " + resumptions
                + " times";
    }
}
