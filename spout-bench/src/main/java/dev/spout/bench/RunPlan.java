package dev.spout.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a run will do, before it does it: each scenario against each peer that takes it, in rounds, with an estimate of
 * each step, printed before the run starts ({@code run --dry-run} stops there) and saved with its progress.
 *
 * <pre>{@code
 * List<RunPlan.Step> plan = new RunPlan(false).plan(List.of("idle", "fanout"), peers, 3);
 * System.err.print(RunPlan.describe(plan, List.of(), markdown, chart)); // "Plan: 60 runs ... About 37 min in all"
 * }</pre>
 */
final class RunPlan {
    private final boolean quick;

    RunPlan(boolean quick) {
        this.quick = quick;
    }

    /** One run of the plan, with what it is expected to take. */
    record Step(String scenario, Peer peer, int round, long estimateSeconds) {}

    /**
     * Every scenario against every peer that takes it, each with its estimate. The scenarios of every peer run
     * {@code repeat} times, in rounds (every peer once, then again), so that a noisy minute on this shared machine
     * spreads over the peers instead of landing on one; Spout's own scenarios run in the first round only, but for
     * {@link Runner#REPEATED_SPOUT_ONLY}, whose rows are each a spread of the rounds too.
     */
    List<Step> plan(List<String> scenarios, List<Peer> peers, int repeat) {
        List<Step> plan = new ArrayList<>();
        for (int round = 1; round <= repeat; round++) {
            for (String scenario : scenarios) {
                if (round > 1 && !repeats(scenario)) {
                    continue;
                }
                for (Peer peer : peers) {
                    if (!peer.runs(scenario)) {
                        continue;
                    }
                    plan.add(new Step(scenario, peer, round, estimateSeconds(scenario) + 2));
                }
            }
        }
        return plan;
    }

    /** Whether a scenario runs in every round (its rows min / median / max of the rounds), or in the first only. */
    static boolean repeats(String scenario) {
        return PeerScenarios.isOne(scenario) || Runner.REPEATED_SPOUT_ONLY.contains(scenario);
    }

    /**
     * Roughly how long a scenario takes on one peer: its warm-ups, measurements and server starts, as the scenarios
     * run them (fanout-max assumes every step is climbed). An estimate, to plan a run by, not a promise.
     */
    long estimateSeconds(String scenario) {
        return switch (scenario) {
            case "idle" -> quick ? 20 : 35;
            case "fanout" -> quick ? 15 : 35;
            case "fanout-max" -> quick ? 30 : 170;
            case "max-streams" -> quick ? 25 : 90;
            case "loops" -> quick ? 25 : 60;
            case "http2" -> quick ? 25 : 60;
            case "fanout-max-h2" -> quick ? 30 : 170;
            case "fanout-tls" -> quick ? 15 : 35;
            case "fanout-max-tls", "fanout-max-h2-tls" -> quick ? 30 : 170;
            case "redis" -> quick ? 40 : 90;
            case "topics" -> quick ? 120 : 420;
            case "cluster" -> quick ? 110 : 240;
            default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
        };
    }

    static String describe(List<Step> plan, List<String> missing, Path markdown, Path chart) {
        var out = new StringBuilder("Plan: ").append(plan.size()).append(" runs\n");
        for (Step step : plan) {
            out.append(String.format(
                    "  %-7s %-12s %-26s about %s%n",
                    "run " + step.round(), step.scenario(), step.peer().label(), minutes(step.estimateSeconds())));
        }
        for (String peer : missing) {
            out.append("  not run: ")
                    .append(peer)
                    .append(" is missing; build it with ./mvnw -q -Pbench -DskipTests install\n");
        }
        long total = plan.stream().mapToLong(Step::estimateSeconds).sum();
        out.append("About ")
                .append(minutes(total))
                .append(" in all; the report goes to ")
                .append(markdown);
        out.append(" and its chart to ").append(chart).append("\n");
        return out.toString();
    }

    static String minutes(long seconds) {
        return seconds < 60 ? seconds + " s" : seconds / 60 + " min " + seconds % 60 + " s";
    }
}
