package dev.spout.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A stack under test: its jar, and the flags that make it this peer (one jar may be several: its server a flag).
 * {@link Peers} lists them all.
 */
record Peer(String name, String label, Path jar, boolean spout, List<String> flags, String stream) {
    Peer(String name, String label, Path jar, boolean spout) {
        this(name, label, jar, spout, List.of());
    }

    Peer(String name, String label, Path jar, boolean spout, List<String> flags) {
        this(name, label, jar, spout, flags, "/sse");
    }

    /**
     * Whether the scenario measures this peer: Spout's own models (per-client handlers, HTTP/2 beyond the file limit,
     * Redis, topics, a Redis Cluster) only Spout's bench server; of them the hub, whose one stream is its
     * subscription, runs the Redis nodes alone (its updates are one log, not topics, and it has no per-client
     * handlers). The TLS scenarios only the peers of {@link Peers#TLS}.
     */
    boolean runs(String scenario) {
        if (scenario.endsWith("-tls") && !Peers.TLS.contains(name)) {
            return false; // the TLS scenarios measure Spout against the floor only
        }
        if (!Runner.SPOUT_ONLY.contains(scenario)) {
            return true;
        }
        return spout && (stream.equals("/sse") || scenario.equals("redis"));
    }

    List<String> command(double rate, int size, List<String> extra) {
        List<String> command = new ArrayList<>();
        command.add(Runner.java());
        command.addAll(Runner.SERVER_JVM);
        command.add("-jar");
        command.add(jar.toString());
        if (spout) {
            command.add("server");
        }
        command.addAll(flags);
        command.addAll(List.of(
                "--port",
                Integer.toString(Runner.PORT),
                "--rate",
                rate == Math.rint(rate) ? Long.toString((long) rate) : Double.toString(rate),
                "--size",
                Integer.toString(size)));
        command.addAll(extra);
        return command;
    }
}
