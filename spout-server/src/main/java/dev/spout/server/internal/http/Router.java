package dev.spout.server.internal.http;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.jspecify.annotations.Nullable;

/**
 * The application's Jetty handler: one endpoint per path, optionally per host name (virtual hosts). A path is
 * exact ({@code /users/me}) or a template with parameters ({@code /users/{id}}); an exact path wins over a template
 * that also matches, and two templates that could match one path are refused when the second is added. The values
 * of a template's parameters go on the request ({@link #PATH_PARAMETERS}). Unknown paths fall through to Jetty's
 * 404.
 */
public final class Router extends Handler.Abstract {
    /** The request attribute holding the matched template's parameter values, a {@code Map<String, String>}. */
    public static final String PATH_PARAMETERS = "dev.spout.pathParameters";

    private static final String ANY_HOST = "";

    private record Templated(PathTemplate template, String host, Request.Handler endpoint) {}

    private record Prefixed(String prefix, Request.Handler endpoint) {}

    private final Map<String, Map<String, Request.Handler>> exact = new ConcurrentHashMap<>();
    private final List<Templated> templates = new CopyOnWriteArrayList<>();
    private volatile List<Prefixed> prefixes = List.of(); // longest first; replaced whole, read without a lock

    /**
     * Adds an endpoint for every path below the prefix ({@code /assets} takes {@code /assets/app.css}), asked after
     * exact paths and templates; the longest prefix wins.
     *
     * @throws IllegalStateException if the prefix is taken
     */
    public synchronized void addPrefix(String prefix, Request.Handler endpoint) {
        String normal = prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
        for (Prefixed existing : prefixes) {
            if (existing.prefix().equals(normal)) {
                throw new IllegalStateException("Something is already served below " + normal + "/");
            }
        }
        var sorted = new java.util.ArrayList<>(prefixes);
        sorted.add(new Prefixed(normal, endpoint));
        sorted.sort((a, b) -> b.prefix().length() - a.prefix().length());
        prefixes = List.copyOf(sorted);
    }

    public void add(String path, Request.Handler endpoint) {
        add(path, null, endpoint);
    }

    /** Adds the endpoint for the path (for one host, or any host when {@code host} is null). */
    public void add(String path, @Nullable String host, Request.Handler endpoint) {
        if (!addIfAbsent(path, host, endpoint)) {
            throw new IllegalStateException(
                    "Something is already served at " + path + (host == null ? "" : " for " + host));
        }
    }

    /** Adds the endpoint unless the path (and host) is taken; returns whether it was added. */
    public boolean addIfAbsent(String path, @Nullable String host, Request.Handler endpoint) {
        return putIfAbsent(path, host, endpoint) == null;
    }

    /**
     * Adds the endpoint unless the path (and host) is taken; returns what was there already, or null.
     *
     * @throws IllegalStateException if the path is a template that conflicts with another one
     */
    public synchronized Request.@Nullable Handler putIfAbsent(
            String path, @Nullable String host, Request.Handler endpoint) {
        String key = host == null ? ANY_HOST : host.toLowerCase(Locale.ROOT);
        PathTemplate template = PathTemplate.parse(path);
        if (template == null) {
            return exact.computeIfAbsent(path, p -> new ConcurrentHashMap<>()).putIfAbsent(key, endpoint);
        }
        for (Templated existing : templates) {
            if (!existing.host().equals(key) || !existing.template().overlaps(template)) {
                continue;
            }
            if (existing.template().path().equals(path)) {
                return existing.endpoint();
            }
            throw new IllegalStateException("The route " + path + " conflicts with " + existing.template()
                    + (host == null ? "" : " for " + host)
                    + ": one path could match both. Give one of them a literal segment the other lacks.");
        }
        templates.add(new Templated(template, key, endpoint));
        return null;
    }

    /**
     * Puts {@code replacement} where {@code old} is served for the path (and host); returns whether {@code old} was
     * there. For an endpoint that comes to serve more than it did (a path's stream and its plain handlers as one).
     */
    public synchronized boolean replace(
            String path, @Nullable String host, Request.Handler old, Request.Handler replacement) {
        String key = host == null ? ANY_HOST : host.toLowerCase(Locale.ROOT);
        if (PathTemplate.parse(path) == null) {
            Map<String, Request.Handler> byHost = exact.get(path);
            return byHost != null && byHost.replace(key, old, replacement);
        }
        for (int i = 0; i < templates.size(); i++) {
            Templated existing = templates.get(i);
            if (existing.host().equals(key) && existing.template().path().equals(path) && existing.endpoint() == old) {
                templates.set(i, new Templated(existing.template(), key, replacement));
                return true;
            }
        }
        return false;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String path = Request.getPathInContext(request);
        String host = Request.getServerName(request).toLowerCase(Locale.ROOT);
        Map<String, Request.Handler> byHost = exact.get(path);
        if (byHost != null) {
            Request.Handler endpoint = byHost.get(host);
            if (endpoint == null) {
                endpoint = byHost.get(ANY_HOST);
            }
            if (endpoint != null) {
                return endpoint.handle(request, response, callback);
            }
        }
        if (!templates.isEmpty() && handleTemplated(path, host, request, response, callback)) {
            return true;
        }
        for (Prefixed prefixed : prefixes) {
            if (path.startsWith(prefixed.prefix())
                    && path.startsWith("/", prefixed.prefix().length())) {
                return prefixed.endpoint().handle(request, response, callback);
            }
        }
        return false;
    }

    private boolean handleTemplated(String path, String host, Request request, Response response, Callback callback)
            throws Exception {
        String[] segments = PathTemplate.segments(path);
        Templated anyHost = null;
        Map<String, String> anyHostValues = null;
        for (Templated candidate : templates) {
            if (!candidate.host().equals(host) && !candidate.host().equals(ANY_HOST)) {
                continue;
            }
            Map<String, String> values = candidate.template().match(segments);
            if (values == null) {
                continue;
            }
            if (candidate.host().equals(host)) { // a host's own route wins over one for any host
                request.setAttribute(PATH_PARAMETERS, values);
                return candidate.endpoint().handle(request, response, callback);
            }
            if (anyHost == null) {
                anyHost = candidate;
                anyHostValues = values;
            }
        }
        if (anyHost == null) {
            return false;
        }
        request.setAttribute(PATH_PARAMETERS, anyHostValues);
        return anyHost.endpoint().handle(request, response, callback);
    }
}
