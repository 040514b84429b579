package dev.spout.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.spout.bench.CapacityModel.Load;
import dev.spout.bench.CapacityModel.Shape;
import org.junit.jupiter.api.Test;

/** The capacity model's arithmetic on round inputs, worked out by hand in each test's comments. */
class CapacityModelTest {
    /**
     * 100 MiB a node, 10 KiB a stream (20 with its own topic) and 4 KiB its socket in the kernel, 256 B an event of
     * history, 100,000 deliveries and 20,000 publishes a node core, 50,000 publishes a master core, 100 B an event and
     * 1,000 B a topic in Redis.
     */
    private static final CapacityModel.Measured MEASURED =
            new CapacityModel.Measured(100, 10, 20, 4, 256, 100_000, 20_000, 50_000, 100, 1000, Double.NaN);

    /** 2 cores, 1,124 MiB (so 1,024 for streams), 10,000 streams a node, half of every capacity, 1,024 MiB a master. */
    private static final CapacityModel.Sizing SIZING = new CapacityModel.Sizing(2, 1124, 10_000, 0.5, 1024);

    private final CapacityModel model = new CapacityModel(MEASURED, SIZING);

    @Test
    void aBroadcastTopicNeedsNodesForItsDeliveriesAndOneShard() {
        // 1,000,000 streams at 1 event/s: 1,000,000 deliveries/s, 10 cores (+ 1 publish / 20,000: nothing); at 2
        // cores half used, 1 core a node: 11 nodes. Memory: 1,024 MiB less the history (600 events x 256 B = 0.15
        // MiB) for 1,000,000 x 14 KiB (process and kernel) = 13,672 MiB: 13.35, 14 nodes. Files: 100, the most.
        var needs = model.plan(new Load(Shape.BROADCAST, 1_000_000, 1, 600, 600));
        assertThat(needs.nodes()).isEqualTo(100);
        assertThat(needs.nodeBound()).isEqualTo("files");
        assertThat(needs.shards())
                .as("one topic, one master: its publishes cannot spread")
                .isEqualTo(1);
        assertThat(needs.oneTopicFits()).isTrue();
        // 100 MiB + the history + 10,000 streams x 14 KiB (136.72 MiB)
        assertThat(needs.memoryPerNodeMib()).isCloseTo(100 + 600 * 256 / 1048576.0 + 136.71875, within(1e-9));
        // One topic key (1,000 B) and 600 s x 1 event/s x 100 B = 61,000 B
        assertThat(needs.redisMemoryMib()).isCloseTo(61_000 / 1048576.0, within(1e-6));
        assertThat(needs.connectionsPerNode())
                .as("one Redis: three connections a node")
                .isEqualTo(3);
        assertThat(needs.connectionsPerMasterMost()).isEqualTo(300);
    }

    @Test
    void aBroadcastTopicBoundByCpuWhenStreamsAreFewAndFast() {
        // 10,000 streams at 100 events/s: 1,000,000 deliveries/s, 10 cores + 100 / 20,000 = 10.005 cores: 11 nodes
        var needs = model.plan(new Load(Shape.BROADCAST, 10_000, 100, 0, 0));
        assertThat(needs.nodes()).isEqualTo(11);
        assertThat(needs.nodeBound()).isEqualTo("CPU");
        // 100 events/s on one master that takes 25,000 at half its core: it fits
        assertThat(needs.oneTopicFits()).isTrue();
        assertThat(model.plan(new Load(Shape.BROADCAST, 10, 1, 0, 0)).nodeBound())
                .isEqualTo("one is enough");
        assertThat(model.plan(new Load(Shape.BROADCAST, 10, 30_000, 0, 0)).oneTopicFits())
                .as("30,000 events/s of one topic exceed the half of one master's 50,000")
                .isFalse();
    }

    @Test
    void oneTopicPerUserNeedsShardsForItsPublishesAndMemoryForItsHistories() {
        // 1,000,000 users, an event each every 10 s: 100,000 publishes/s and as many deliveries.
        // Nodes: files 100; CPU 100,000 / 100,000 + 100,000 / 20,000 = 6 cores, 6 nodes; memory: a stream 20 KiB + 60
        // events x 256 B (15 KiB) = 35 KiB in the process, 39 with its socket; 1,000,000 x 39 KiB = 38,086 MiB /
        // 1,024 = 37.2: 38 nodes. Files win.
        var needs = model.plan(new Load(Shape.PER_USER, 1_000_000, 0.1, 600, 600));
        assertThat(needs.nodes()).isEqualTo(100);
        assertThat(model.rssKibPerStream(new Load(Shape.PER_USER, 1, 0.1, 600, 600)))
                .isCloseTo(35, within(1e-9));
        assertThat(model.memoryKibPerStream(new Load(Shape.PER_USER, 1, 0.1, 600, 600)))
                .isCloseTo(39, within(1e-9));
        var raised = new CapacityModel(MEASURED, new CapacityModel.Sizing(2, 1124, 1_000_000, 0.5, 1024));
        assertThat(raised.plan(new Load(Shape.PER_USER, 1_000_000, 0.1, 600, 600)))
                .as("without the file limit, memory decides")
                .extracting(CapacityModel.Needs::nodes, CapacityModel.Needs::nodeBound)
                .containsExactly(38L, "memory");
        // Shards: 100,000 / (50,000 x 0.5) = 4 by rate; memory 1,000,000 topics x 1,000 B + 100,000 x 600 x 100 B
        // = 6,676 MiB (953.7 + 5,722.0), / 512 = 13.04: 14 by memory.
        assertThat(needs.redisMemoryMib()).isCloseTo((1e9 + 6e9) / 1048576, within(0.01));
        assertThat(needs.shards()).isEqualTo(14);
        assertThat(needs.shardBound()).isEqualTo("memory");
        // Per node: 3 + 3 x 14 = 45; on the busiest master 3 x 100 + 3 x ceil(100 / 14) = 300 + 24
        assertThat(needs.connectionsPerNode()).isEqualTo(45);
        assertThat(needs.connectionsPerMasterMost()).isEqualTo(324);
    }

    @Test
    void aPerUserNodeMeasuredWithEverythingIncludedSetsItsCpu() {
        // As above, but a node core measured at 2,000 deliveries of one topic per user a second, publishing and
        // following included: 100,000 / 2,000 = 50 cores, 1 a node: 50 nodes, more than memory's 38.
        var measured = new CapacityModel.Measured(100, 10, 20, 4, 256, 100_000, 20_000, 50_000, 100, 1000, 2000);
        var raised = new CapacityModel(measured, new CapacityModel.Sizing(2, 1124, 1_000_000, 0.5, 1024));
        assertThat(raised.cores(new Load(Shape.PER_USER, 1_000_000, 0.1, 600, 600)))
                .isCloseTo(50, within(1e-9));
        assertThat(raised.plan(new Load(Shape.PER_USER, 1_000_000, 0.1, 600, 600)))
                .extracting(CapacityModel.Needs::nodes, CapacityModel.Needs::nodeBound)
                .containsExactly(50L, "CPU");
        assertThat(raised.cores(new Load(Shape.BROADCAST, 1_000_000, 1, 600, 600)))
                .as("a broadcast topic keeps the marginal rates")
                .isCloseTo(10 + 1 / 20_000.0, within(1e-9));
    }

    @Test
    void twoShardsAreACluster() {
        // 30,000 publishes/s: 2 shards by rate (25,000 each), and a cluster has 3 masters at least
        var needs = model.plan(new Load(Shape.PER_USER, 300_000, 0.1, 0, 0));
        assertThat(needs.shards()).isEqualTo(3);
        assertThat(needs.shardBound()).isEqualTo("publishes (a cluster has 3 masters at least)");
    }

    @Test
    void whatAChosenDeploymentShouldMeasure() {
        // 3 nodes, 3 masters, 24,000 streams, one topic each, an event every 10 s, 30 s of history:
        // 2,400 publishes and deliveries/s; a node delivers 800/s (0.008 cores) and the first publishes 2,400/s
        // (0.12 cores); a stream 20 KiB + 3 events x 256 B = 20.75 KiB; 8,000 of them 162.1 MiB + 100.
        var expected = model.expect(new Load(Shape.PER_USER, 24_000, 0.1, 0, 30), 24_000, 3, 3);
        assertThat(expected.deliveriesPerSecond()).isCloseTo(2400, within(1e-9));
        assertThat(expected.coresPerNode()).isCloseTo(0.008 + 0.12, within(1e-9));
        assertThat(expected.rssKibPerStream()).isCloseTo(20.75, within(1e-9));
        assertThat(expected.rssMibPerNode()).isCloseTo(100 + 8000 * 20.75 / 1024, within(1e-9));
        assertThat(expected.publishesBusiestMaster()).isCloseTo(800, within(1e-9));
        assertThat(expected.publishesIdlestMaster()).isCloseTo(800, within(1e-9));
        assertThat(expected.redisCpuBusiestPercent()).isCloseTo(1.6, within(1e-9));
        assertThat(expected.connectionsPerNode()).isEqualTo(12);
        assertThat(expected.connectionsPerNodePerMasterMost()).isEqualTo(6);
        assertThat(expected.connectionsPerNodePerMasterFewest()).isEqualTo(3);
        assertThat(expected.connectionsPerMasterMost())
                .as("9 of every node, 3 extra each spread")
                .isEqualTo(12);
        assertThat(expected.connectionsPerMasterFewest()).isEqualTo(12);

        var broadcast = model.expect(new Load(Shape.BROADCAST, 2000, 5, 0, 30), 2000, 2, 3);
        assertThat(broadcast.publishesBusiestMaster())
                .as("one topic: all on its master")
                .isEqualTo(5);
        assertThat(broadcast.publishesIdlestMaster()).isZero();
        assertThat(broadcast.connectionsPerMasterMost())
                .as("6 + one node's 3 extra")
                .isEqualTo(9);
        assertThat(broadcast.connectionsPerMasterFewest())
                .as("a master no node chose")
                .isEqualTo(6);
    }

    @Test
    void inputsThatCannotBeAreRefused() {
        assertThatThrownBy(
                        () -> new CapacityModel.Measured(100, 10, 20, 4, 256, 0, 20_000, 50_000, 100, 1000, Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Rates must be measured");
        assertThatThrownBy(() -> new CapacityModel.Sizing(2, 1024, 10_000, 0, 1024))
                .isInstanceOf(IllegalArgumentException.class);
        var tooSmall = new CapacityModel(MEASURED, new CapacityModel.Sizing(2, 50, 10_000, 0.5, 1024));
        assertThatThrownBy(() -> tooSmall.plan(new Load(Shape.BROADCAST, 10, 1, 0, 0)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not hold even its fixed");
        assertThatThrownBy(() -> model.expect(new Load(Shape.BROADCAST, 10, 1, 0, 0), 10, 0, 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> model.expect(new Load(Shape.BROADCAST, 10, 1, 0, 0), 11, 1, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("11 of 10");
    }
}
