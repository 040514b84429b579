package dev.spout.engine.topic;

import dev.spout.engine.auth.ClientRequest;
import java.util.Optional;

/**
 * A client reconnected with a {@code Last-Event-ID} that the topic's history no longer holds (or never held), so
 * the events it missed cannot all be replayed. Handed to the topic's {@link ReplayGapHandler}.
 *
 * <pre>{@code
 * topic.onReplayGap(gap -> gap.kind() == ReplayGap.Kind.OLDER_THAN_HISTORY ? Replay.history() : Replay.liveOnly());
 * }</pre>
 *
 * @param topic the topic's name
 * @param lastEventId the id the client sent
 * @param kind whether the id is known to be older than the history, or not recognized at all
 * @param oldestRetainedId the oldest id the history still holds, if any
 * @param request the reconnecting request
 */
public record ReplayGap(
        String topic, String lastEventId, Kind kind, Optional<String> oldestRetainedId, ClientRequest request) {

    /** Why the id is not in the history. */
    public enum Kind {
        /** The id is older than everything retained: events were published and expired since. */
        OLDER_THAN_HISTORY,
        /** The id is not in the history and not comparable with it (another server's, a typo, a restart). */
        UNKNOWN
    }
}
