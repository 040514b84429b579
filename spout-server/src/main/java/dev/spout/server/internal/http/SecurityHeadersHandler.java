package dev.spout.server.internal.http;

import dev.spout.server.SecurityHeaders;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Puts the application's protective headers on every response before its handlers see it. */
public final class SecurityHeadersHandler extends Handler.Wrapper {
    private final SecurityHeaders headers;

    public SecurityHeadersHandler(SecurityHeaders headers, Handler next) {
        super(next);
        this.headers = headers;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        headers.addTo(response.getHeaders(), request.isSecure());
        return super.handle(request, response, callback);
    }
}
