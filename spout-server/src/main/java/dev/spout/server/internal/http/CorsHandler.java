package dev.spout.server.internal.http;

import java.util.List;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * CORS for cross-origin {@code EventSource} and ajax: requests from an allowed origin get the headers that let the
 * browser read the response (and send cookies, if credentials are allowed); preflights are answered here. Requests
 * from other origins get no CORS headers, which the browser treats as a refusal.
 */
public final class CorsHandler extends Handler.Wrapper {
    private static final String ALLOWED_HEADERS =
            "Last-Event-ID, Cache-Control, Accept, Content-Type, X-Requested-With, Authorization";

    private final Set<String> origins;
    private final boolean credentials;

    public CorsHandler(List<String> origins, boolean credentials, Handler next) {
        super(next);
        this.origins = Set.copyOf(origins);
        this.credentials = credentials;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String origin = request.getHeaders().get(HttpHeader.ORIGIN);
        if (origin == null) {
            return super.handle(request, response, callback);
        }
        var headers = response.getHeaders();
        headers.add(HttpHeader.VARY, "Origin");
        boolean allowed = origins.contains(origin);
        if (allowed) {
            headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
            if (credentials) {
                headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
            }
        }
        boolean preflight = "OPTIONS".equals(request.getMethod())
                && request.getHeaders().contains(HttpHeader.ACCESS_CONTROL_REQUEST_METHOD);
        if (!preflight) {
            return super.handle(request, response, callback);
        }
        if (allowed) {
            headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_METHODS, "GET, POST");
            headers.put(HttpHeader.ACCESS_CONTROL_ALLOW_HEADERS, ALLOWED_HEADERS);
            headers.put(HttpHeader.ACCESS_CONTROL_MAX_AGE, 600);
        }
        response.setStatus(allowed ? HttpStatus.NO_CONTENT_204 : HttpStatus.FORBIDDEN_403);
        callback.succeeded();
        return true;
    }
}
