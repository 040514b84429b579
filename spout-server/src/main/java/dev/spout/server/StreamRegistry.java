package dev.spout.server;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The open streams of an application, to count them, beat their hearts and end them all when it stops. */
final class StreamRegistry {
    private final Set<EventStream> open = ConcurrentHashMap.newKeySet();

    void add(EventStream stream) {
        open.add(stream);
    }

    /** Called by the stream's close sequence, before its close listeners run. */
    void remove(EventStream stream) {
        open.remove(stream);
    }

    int size() {
        return open.size();
    }

    void forEach(Consumer<EventStream> action) {
        open.forEach(action);
    }

    /** Ends the streams opened with this session, which has ended (a sign-out): they were meant for it alone. */
    void endSession(String sessionId) {
        for (EventStream stream : open) {
            if (sessionId.equals(stream.sessionId)) {
                stream.closeWith(new CloseReason.SessionEnded());
            }
        }
    }

    void stopAll() {
        for (EventStream stream : List.copyOf(open)) {
            stream.closeWith(new CloseReason.ServerStopping());
        }
    }
}
