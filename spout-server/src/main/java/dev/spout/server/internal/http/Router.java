package dev.spout.server.internal.http;

import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The application's Jetty handler: one endpoint per exact path, optionally per host name (virtual hosts). Unknown
 * paths fall through to Jetty's 404.
 */
public final class Router extends Handler.Abstract {
    private static final String ANY_HOST = "";

    private final Map<String, Map<String, Request.Handler>> routes = new ConcurrentHashMap<>();

    public void add(String path, Request.Handler endpoint) {
        add(path, null, endpoint);
    }

    /** Adds the endpoint for the path (for one host, or any host when {@code host} is null). */
    public void add(String path, String host, Request.Handler endpoint) {
        if (!addIfAbsent(path, host, endpoint)) {
            throw new IllegalStateException(
                    "Something is already served at " + path + (host == null ? "" : " for " + host));
        }
    }

    /** Adds the endpoint unless the path (and host) is taken; returns whether it was added. */
    public boolean addIfAbsent(String path, String host, Request.Handler endpoint) {
        return putIfAbsent(path, host, endpoint) == null;
    }

    /** Adds the endpoint unless the path (and host) is taken; returns what was there already, or null. */
    public Request.Handler putIfAbsent(String path, String host, Request.Handler endpoint) {
        String key = host == null ? ANY_HOST : host.toLowerCase(Locale.ROOT);
        return routes.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).putIfAbsent(key, endpoint);
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        Map<String, Request.Handler> byHost = routes.get(Request.getPathInContext(request));
        if (byHost == null) {
            return false;
        }
        Request.Handler endpoint = byHost.get(Request.getServerName(request).toLowerCase(Locale.ROOT));
        if (endpoint == null) {
            endpoint = byHost.get(ANY_HOST);
        }
        return endpoint != null && endpoint.handle(request, response, callback);
    }
}
