package dev.spout.server;

import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** What answers requests for one path: a page, an SSE endpoint or an ajax endpoint. Jetty's handler contract. */
interface Endpoint {
    /** Handles the request, or returns false to leave it to the next handler (a 404 in the end). */
    boolean handle(Request request, Response response, Callback callback) throws Exception;
}
