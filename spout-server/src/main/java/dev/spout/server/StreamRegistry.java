package dev.spout.server;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** The open streams of an application, so it can count them and end them all when it stops. */
final class StreamRegistry {
    private final Set<ClientStream> open = ConcurrentHashMap.newKeySet();

    void add(ClientStream stream) {
        open.add(stream);
        stream.onClose(reason -> open.remove(stream));
    }

    int size() {
        return open.size();
    }

    void stopAll() {
        for (ClientStream stream : List.copyOf(open)) {
            stream.serverStopping();
        }
    }
}
