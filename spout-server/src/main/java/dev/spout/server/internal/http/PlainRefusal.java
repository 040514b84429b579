package dev.spout.server.internal.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A refusal with its reason as plain text, for endpoints that scripts and services call. Jetty's error pages are
 * HTML, chosen by {@code Accept}, and have no body at all for methods other than GET and POST; a caller (spout.js
 * showing the reason to the user, a service's log) deserves the reason whatever it asked with.
 */
public final class PlainRefusal {
    private PlainRefusal() {}

    /** The status, with its standard phrase as the reason. */
    public static void send(Response response, Callback callback, int status) {
        send(response, callback, status, HttpStatus.getMessage(status));
    }

    public static void send(Response response, Callback callback, int status, String reason) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain;charset=utf-8");
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap((reason + "\n").getBytes(StandardCharsets.UTF_8)), callback);
    }
}
