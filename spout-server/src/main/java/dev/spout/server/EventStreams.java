package dev.spout.server;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpHeaderValue;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;

/** The HTTP side of every Spout event stream: who may have one, and the headers it goes out with. */
final class EventStreams {
    static final String CONTENT_TYPE = "text/event-stream";

    private EventStreams() {}

    /** Whether the request's {@code Accept} header names {@code text/event-stream} (with a non-zero quality). */
    static boolean accepted(Request request) {
        for (String type : request.getHeaders().getQualityCSV(HttpHeader.ACCEPT)) {
            int params = type.indexOf(';');
            String bare = (params < 0 ? type : type.substring(0, params)).trim();
            if (bare.equalsIgnoreCase(CONTENT_TYPE)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Status and headers: the content type, no caching, no buffering by nginx-style proxies. Never compressed:
     * Spout installs no compression, and Jetty's GzipHandler leaves {@code text/event-stream} alone. On HTTP/1.x
     * the connection is closed after the stream (see {@link DisconnectWatcher}).
     */
    static void prepare(Request request, Response response) {
        response.setStatus(HttpStatus.OK_200);
        var headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        headers.put(HttpHeader.CACHE_CONTROL, "no-cache");
        headers.put("X-Accel-Buffering", "no");
        if (DisconnectWatcher.needed(request)) {
            headers.put(HttpHeader.CONNECTION, HttpHeaderValue.CLOSE.asString());
        }
    }
}
