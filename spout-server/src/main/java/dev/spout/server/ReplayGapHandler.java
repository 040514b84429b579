package dev.spout.server;

/**
 * Decides how a stream starts when its {@code Last-Event-ID} is not in the topic's history. It runs while the
 * topic holds its publishing lock, so that a snapshot it builds and the live events after it fit together without
 * gap or overlap: keep it quick.
 *
 * <pre>{@code
 * app.topic("board", topic -> topic.onReplayGap(gap -> {
 *     log.info("{} missed events after {}", gap.request().remoteAddress(), gap.lastEventId());
 *     return Replay.snapshot(SseEvent.of(board.toJson()).withEvent("snapshot"));
 * }));
 * }</pre>
 */
@FunctionalInterface
public interface ReplayGapHandler {
    Replay onGap(ReplayGap gap);
}
