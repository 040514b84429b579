package dev.spout.bench;

/**
 * The capacity model of {@code docs/capacity.md}: from figures measured on this machine to what a deployment of Spout
 * nodes on Redis needs (nodes, Redis shards, memory, connections), and what it says a deployment already chosen (the
 * {@code cluster} scenario's) should measure.
 *
 * <pre>{@code
 * var model = new CapacityModel(measured, new CapacityModel.Sizing(2, 3072, 19_500, 0.5, 4096));
 * CapacityModel.Needs needs = model.plan(new CapacityModel.Load(Shape.PER_USER, 1_000_000, 0.1, 600, 600));
 * CapacityModel.Expected expected = model.expect(load, load.streams(), 3, 3); // 3 nodes, 3 masters, all open
 * }</pre>
 *
 * <p>Nodes are the most of three bounds: open files (streams per process), memory (a node's fixed memory plus
 * memory per stream and per event a topic's history keeps) and CPU (deliveries and publishes per core, at the
 * headroom). Redis shards are the most of two: publishes per
 * second (a shard is one single-threaded master) and memory (events retained). A broadcast topic lives on one
 * master whatever the shards: its publishes cannot be spread.
 */
record CapacityModel(Measured measured, Sizing sizing) {

    /** The two shapes of the issue: one topic every stream follows, or one topic per stream (per user). */
    enum Shape {
        BROADCAST,
        PER_USER
    }

    /**
     * Figures measured here (each one's source is in docs/capacity.md): a node's fixed memory and memory per stream
     * (a stream of the broadcast topic; a stream with a topic of its own), what the kernel holds for a stream's
     * socket (outside the process's RSS), what a node keeps of each event in a topic's history, deliveries and
     * publishes one node core makes a second, publishes one Redis master takes a second of its core, and what Redis
     * keeps per event and per topic; and, when measured, deliveries of one topic per user one node core makes a second
     * with everything such a node does included (publishing them at their rate, one Redis write each; following
     * every topic; the periodic walks over topics and streams), which the marginal rates above underestimate at low
     * rates (docs/capacity.md): NaN when not measured.
     */
    record Measured(
            double nodeBaseRssMib,
            double broadcastRssKibPerStream,
            double perUserRssKibPerStream,
            double kernelKibPerStream,
            double historyBytesPerEvent,
            double deliveriesPerCoreSecond,
            double publishesPerNodeCoreSecond,
            double publishesPerShardSecond,
            double redisBytesPerEvent,
            double redisBytesPerTopic,
            double perUserDeliveriesPerCoreSecond) {
        Measured {
            if (!(deliveriesPerCoreSecond > 0) || !(publishesPerNodeCoreSecond > 0) || !(publishesPerShardSecond > 0)) {
                throw new IllegalArgumentException(
                        "Rates must be measured (more than 0), got " + deliveriesPerCoreSecond
                                + " deliveries/core-s, " + publishesPerNodeCoreSecond + " publishes/node-core-s and "
                                + publishesPerShardSecond + " publishes/shard-s");
            }
        }
    }

    /**
     * What a node and a shard are given: cores, memory for the node's process, streams a process may hold (its file
     * limit), the share of each measured capacity planned to be used (0.5: half, for bursts, GC and a lost node),
     * memory a Redis master may fill.
     */
    record Sizing(int cores, double nodeMemoryMib, long maxStreamsPerNode, double headroom, double shardMemoryMib) {
        Sizing {
            if (cores < 1 || !(headroom > 0 && headroom <= 1) || maxStreamsPerNode < 1) {
                throw new IllegalArgumentException("A node has cores, holds streams, and headroom is in (0, 1]");
            }
        }
    }

    /**
     * A workload: how many streams, each topic's events a second, how long Redis keeps events (the broker's {@code
     * maxAge}) and how long a node keeps them in a topic's history (the topic's history age; at most
     * {@link #HISTORY_COUNT} events), for replay.
     */
    record Load(
            Shape shape, long streams, double eventsPerTopicSecond, double retentionSeconds, double historySeconds) {
        double deliveriesPerSecond() {
            return streams * eventsPerTopicSecond;
        }

        double publishesPerSecond() {
            return shape == Shape.BROADCAST ? eventsPerTopicSecond : streams * eventsPerTopicSecond;
        }

        long topics() {
            return shape == Shape.BROADCAST ? 1 : streams;
        }

        /** Events a node keeps in one topic's history. */
        double historyEvents() {
            return Math.min(HISTORY_COUNT, eventsPerTopicSecond * historySeconds);
        }
    }

    /** The most events a topic's history keeps by default (TopicOptions: 1024 events, 10 minutes). */
    static final int HISTORY_COUNT = 1024;

    /** What a workload needs; {@code nodeBound} says which bound set the nodes (files, memory or CPU). */
    record Needs(
            long nodes,
            String nodeBound,
            long shards,
            String shardBound,
            double memoryPerNodeMib,
            double redisMemoryMib,
            long connectionsPerNode,
            long connectionsPerMasterMost,
            boolean oneTopicFits) {}

    /** What a chosen deployment should measure, by the model. */
    record Expected(
            double deliveriesPerSecond,
            double coresPerNode,
            double rssKibPerStream,
            double rssMibPerNode,
            double publishesBusiestMaster,
            double publishesIdlestMaster,
            double redisCpuBusiestPercent,
            long connectionsPerNode,
            long connectionsPerNodePerMasterMost,
            long connectionsPerNodePerMasterFewest,
            long connectionsPerMasterMost,
            long connectionsPerMasterFewest) {}

    /** A stream's memory on its node, with its share of its topic's history (a per-user topic is one stream's). */
    double rssKibPerStream(Load load) {
        return load.shape() == Shape.BROADCAST
                ? measured.broadcastRssKibPerStream()
                : measured.perUserRssKibPerStream() + load.historyEvents() * measured.historyBytesPerEvent() / 1024;
    }

    /** What a stream takes of its node's machine: its share of the process (RSS) and its socket in the kernel. */
    double memoryKibPerStream(Load load) {
        return rssKibPerStream(load) + measured.kernelKibPerStream();
    }

    /** A node's fixed memory, with the broadcast topic's history. */
    double nodeFixedMib(Load load) {
        double history = load.shape() == Shape.BROADCAST ? load.historyEvents() * measured.historyBytesPerEvent() : 0;
        return measured.nodeBaseRssMib() + history / (1024 * 1024);
    }

    /** Cores every node uses together: delivering, and publishing (the application publishes through the nodes). */
    double cores(Load load) {
        if (load.shape() == Shape.PER_USER && measured.perUserDeliveriesPerCoreSecond() > 0) {
            return load.deliveriesPerSecond() / measured.perUserDeliveriesPerCoreSecond();
        }
        return load.deliveriesPerSecond() / measured.deliveriesPerCoreSecond()
                + load.publishesPerSecond() / measured.publishesPerNodeCoreSecond();
    }

    Needs plan(Load load) {
        long byFiles = ceil(load.streams() / (double) sizing.maxStreamsPerNode());
        double forStreams = sizing.nodeMemoryMib() - nodeFixedMib(load);
        if (forStreams <= 0) {
            throw new IllegalArgumentException("A node's memory (" + sizing.nodeMemoryMib()
                    + " MiB) does not hold even its fixed " + nodeFixedMib(load) + " MiB");
        }
        long byMemory = ceil(load.streams() * memoryKibPerStream(load) / 1024 / forStreams);
        long byCpu = ceil(cores(load) / (sizing.cores() * sizing.headroom()));
        long nodes = Math.max(1, Math.max(byFiles, Math.max(byMemory, byCpu)));
        String nodeBound =
                nodes == 1 ? "one is enough" : nodes == byFiles ? "files" : nodes == byMemory ? "memory" : "CPU";

        double perShard = measured.publishesPerShardSecond() * sizing.headroom();
        double redisMemoryMib = (load.topics() * measured.redisBytesPerTopic()
                        + load.publishesPerSecond() * load.retentionSeconds() * measured.redisBytesPerEvent())
                / (1024 * 1024);
        long byRate = load.shape() == Shape.BROADCAST ? 1 : ceil(load.publishesPerSecond() / perShard);
        long byRedisMemory = ceil(redisMemoryMib / (sizing.shardMemoryMib() * sizing.headroom()));
        long shards = Math.max(1, Math.max(byRate, byRedisMemory));
        String shardBound = shards == 1 ? "one Redis is enough" : shards == byRate ? "publishes" : "memory";
        if (shards == 2) { // a Redis Cluster has three masters at least
            shards = 3;
            shardBound += " (a cluster has 3 masters at least)";
        }
        long perNode = shards == 1 ? 3 : 3 + 3 * shards;
        long perMasterMost = shards == 1 ? 3 * nodes : perMasterMost(nodes, shards);
        double memoryPerNode =
                nodeFixedMib(load) + ceil(load.streams() / (double) nodes) * memoryKibPerStream(load) / 1024;
        boolean fits = load.shape() == Shape.PER_USER || load.eventsPerTopicSecond() <= perShard;
        return new Needs(
                nodes, nodeBound, shards, shardBound, memoryPerNode, redisMemoryMib, perNode, perMasterMost, fits);
    }

    /**
     * Connections on the busiest master: three of every node (publishes, reads, pub/sub: one per master each), and
     * each node's three for commands without a key, which Lettuce opens to the master with the fewest clients when
     * the node starts, so that nodes started one after the other spread them (6 per node on one master, were every
     * node to pick the same).
     */
    static long perMasterMost(long nodes, long masters) {
        return 3 * nodes + 3 * ceil(nodes / (double) masters);
    }

    /**
     * What {@code nodes} nodes on a cluster of {@code masters} masters should measure under the load, the first node
     * publishing, when {@code open} of its streams are open (a run where some did not open still publishes to every
     * topic). Topics of a per-user load spread evenly over the masters, as their names hash; a broadcast topic's
     * publishes all go to one.
     */
    Expected expect(Load load, long open, int nodes, int masters) {
        if (nodes < 1 || masters < 1 || open < 0 || open > load.streams()) {
            throw new IllegalArgumentException("A deployment has nodes, masters and at most its load's streams open,"
                    + " got " + nodes + ", " + masters + " and " + open + " of " + load.streams());
        }
        double deliveries = open * load.eventsPerTopicSecond();
        double publishes = load.publishesPerSecond();
        double busiest = load.shape() == Shape.BROADCAST ? publishes : publishes / masters;
        double idlest = load.shape() == Shape.BROADCAST ? (masters == 1 ? publishes : 0) : publishes / masters;
        double perStream = rssKibPerStream(load);
        boolean cluster = masters > 1;
        return new Expected(
                deliveries,
                deliveries / nodes / measured.deliveriesPerCoreSecond()
                        + publishes / measured.publishesPerNodeCoreSecond(), // the first node publishes them all
                perStream,
                nodeFixedMib(load) + open / (double) nodes * perStream / 1024,
                busiest,
                idlest,
                100 * busiest / measured.publishesPerShardSecond(),
                cluster ? 3 + 3L * masters : 3,
                cluster ? 6 : 3,
                3,
                cluster ? perMasterMost(nodes, masters) : 3L * nodes,
                cluster ? 3L * nodes + 3L * (nodes / masters) : 3L * nodes);
    }

    private static long ceil(double value) {
        return (long) Math.ceil(value - 1e-9); // 3.0000000001 from rounding is 3, not 4
    }
}
