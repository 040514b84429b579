package dev.spout.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** The application's Jetty handler: one endpoint per exact path. Unknown paths fall through to Jetty's 404. */
final class Router extends Handler.Abstract {
    private final Map<String, Endpoint> endpoints = new ConcurrentHashMap<>();

    void add(String path, Endpoint endpoint) {
        if (endpoints.putIfAbsent(path, endpoint) != null) {
            throw new IllegalStateException("Something is already served at " + path);
        }
    }

    /** Adds the endpoint unless the path is taken; returns whether it was added. */
    boolean addIfAbsent(String path, Endpoint endpoint) {
        return endpoints.putIfAbsent(path, endpoint) == null;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Endpoint endpoint = endpoints.get(Request.getPathInContext(request));
        return endpoint != null && endpoint.handle(request, response, callback);
    }
}
