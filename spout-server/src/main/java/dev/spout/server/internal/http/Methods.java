package dev.spout.server.internal.http;

import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Answers a request whose method an endpoint does not take: 405 with an {@code Allow} header. */
public final class Methods {
    private Methods() {}

    public static boolean allowed(Set<String> allowed, Request request, Response response, Callback callback) {
        if (allowed.contains(request.getMethod())) {
            return true;
        }
        response.getHeaders()
                .put(
                        HttpHeader.ALLOW,
                        String.join(", ", allowed.stream().sorted().toList()));
        Response.writeError(request, response, callback, HttpStatus.METHOD_NOT_ALLOWED_405);
        return false;
    }
}
