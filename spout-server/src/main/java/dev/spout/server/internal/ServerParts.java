package dev.spout.server.internal;

import dev.spout.engine.internal.Engine;
import dev.spout.engine.internal.stream.Streams;
import dev.spout.engine.internal.topic.Topics;
import dev.spout.server.internal.auth.Sessions;
import dev.spout.server.internal.page.PageSettings;

/**
 * What the routes of Spout's own server share: the engine (its streams and topics) and what the server adds to it,
 * its sessions and the settings of its pages.
 *
 * @param engine the streams, the topics and their timer
 * @param sessions the browsers' sessions, by their cookie
 * @param pages what pages and ajax endpoints follow
 */
public record ServerParts(Engine engine, Sessions sessions, PageSettings pages) {
    public Streams streams() {
        return engine.streams;
    }

    public Topics topics() {
        return engine.topics;
    }
}
