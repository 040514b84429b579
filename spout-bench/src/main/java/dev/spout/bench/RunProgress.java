package dev.spout.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * Where a run stands, saved beside its report after every step ({@code benchmarks-run.json} beside {@code
 * benchmarks.md}): the full run takes longer than this machine is free at a stretch (about four hours, every scenario
 * of every peer three times), so {@code run --resume} goes on from the step after the last one done. A run resumes
 * only as itself: the same plan (scenarios, peers, rounds, {@code --quick}), the same build (a clean checkout of the
 * same commit) and the same machine (processor, cores, kernel, JDK), or it refuses and says which differs; so every row
 * of the report it writes is one run's, on one machine, of one build. Removed when the run ends.
 *
 * <pre>{@code
 * var progress = RunProgress.start(plan, quick, report);   // saved after each step: progress.after(report).save(file)
 * var resumed = RunProgress.load(file).resumable(plan, quick); // refuses a run that is not this one
 * }</pre>
 *
 * @param steps the plan, one line a step ({@code round scenario peer}), as it was made
 * @param done how many of its steps are done (their figures are in {@code report})
 */
record RunProgress(
        List<String> steps, boolean quick, String build, String machine, int done, ReportData.Stored report) {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** The progress file of the report at {@code markdown}. */
    static Path file(Path markdown) {
        return markdown.resolveSibling("benchmarks-run.json");
    }

    /** A run about to start, nothing done. */
    static RunProgress start(List<RunPlan.Step> plan, boolean quick, Report report) {
        return new RunProgress(
                steps(plan), quick, currentBuild(), ReportMarkdown.machine(), 0, ReportData.stored(report));
    }

    /** One more step done, with the report as it now stands. */
    RunProgress after(Report report) {
        return new RunProgress(steps, quick, build, machine, done + 1, ReportData.stored(report));
    }

    void save(Path file) throws IOException {
        ReportData.writeWhole(file, JSON.writeValueAsString(this));
    }

    static RunProgress load(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new IllegalArgumentException("Nothing to resume: " + file + " does not exist (a run saves it after"
                    + " each step, and removes it when it ends)");
        }
        return JSON.readValue(Files.readString(file, StandardCharsets.UTF_8), RunProgress.class);
    }

    /**
     * This progress, if the run asked for now is the one it is of; else an exception that says what differs. A build
     * with uncommitted changes cannot be shown to be the same, so its run does not resume.
     */
    RunProgress resumable(List<RunPlan.Step> plan, boolean quick) {
        return resumable(plan, quick, currentBuild(), ReportMarkdown.machine());
    }

    /** {@link #resumable(List, boolean)} with the build and machine of now given. */
    RunProgress resumable(List<RunPlan.Step> plan, boolean quick, String now, String here) {
        List<String> differences = new ArrayList<>();
        if (!steps.equals(steps(plan)) || this.quick != quick) {
            differences.add("the plan (give the same --scenarios, --peers, --repeat and --quick as the run had)");
        }
        if (build.startsWith(UNKNOWN) || now.startsWith(UNKNOWN)) {
            differences.add(
                    "the build (it cannot be told without git: the run measured " + build + ", this is " + now + ")");
        } else if (build.endsWith(DIRTY) || now.endsWith(DIRTY)) {
            differences.add("the build (uncommitted changes: the run measured " + build + ", this is " + now + ")");
        } else if (!build.equals(now)) {
            differences.add("the build (the run measured commit " + build + ", this is " + now
                    + ": check that commit out in a worktree, build it, and resume from there)");
        }
        if (!machine.equals(here)) {
            differences.add("the machine (the run measured on " + machine + "; this is " + here + ")");
        }
        if (!differences.isEmpty()) {
            throw new IllegalArgumentException("Cannot resume this run: " + String.join("; ", differences)
                    + ". Start it again instead (without --resume)");
        }
        return this;
    }

    static final String DIRTY = "+uncommitted";
    static final String UNKNOWN = "unknown";

    /**
     * The commit the runner's repository is at, marked if a tracked file other than the docs has uncommitted changes
     * (the docs hold the report a run rewrites as it goes); {@value #UNKNOWN} without git.
     */
    static String currentBuild() {
        String commit = git("rev-parse", "HEAD");
        if (commit == null || commit.isEmpty()) {
            return UNKNOWN + " (no git repository at " + Runner.ROOT + ")";
        }
        String changes = git("status", "--porcelain", "--untracked-files=no", "--", ".", ":(exclude)docs");
        return changes != null && changes.isEmpty() ? commit : commit + DIRTY;
    }

    private static List<String> steps(List<RunPlan.Step> plan) {
        return plan.stream()
                .map(step ->
                        step.round() + " " + step.scenario() + " " + step.peer().name())
                .toList();
    }

    /** What git printed (its warnings left out), or null if it failed or is missing. */
    private static @Nullable String git(String... arguments) {
        List<String> command = new ArrayList<>(List.of("git", "-C", Runner.ROOT.toString()));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return git.waitFor() == 0 ? out : null; // it has closed its output: it is ending
        } catch (IOException noGit) {
            return null;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
