package dev.spout.server.internal;

import dev.spout.engine.host.EngineHost;
import dev.spout.server.internal.auth.Sessions;
import dev.spout.server.internal.page.PageSettings;
import org.eclipse.jetty.io.ByteBufferPool;

/**
 * What the routes of Spout's own server share: the engine, and what the server adds to it, its sessions, the settings
 * of its pages and Jetty's buffers.
 *
 * @param engine the streams and topics, through the engine's contract with its hosts
 * @param sessions the browsers' sessions, by their cookie
 * @param pages what pages and ajax endpoints follow
 * @param pool Jetty's buffers, for a stream's connection once it leaves Jetty's HTTP handling
 */
public record ServerParts(EngineHost engine, Sessions sessions, PageSettings pages, ByteBufferPool pool) {}
