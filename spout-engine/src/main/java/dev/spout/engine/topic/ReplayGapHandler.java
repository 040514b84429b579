package dev.spout.engine.topic;

/**
 * Decides how a stream starts when its {@code Last-Event-ID} is not in the topic's history. It runs on the
 * subscribing request's virtual thread, outside the topic's lock: publishing goes on meanwhile, and it may look
 * things up. The stream then continues with every event published since the subscription began, so a snapshot it
 * returns may be followed by events the snapshot already reflects, but never by a gap: let snapshot and live events
 * carry state rather than deltas.
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
