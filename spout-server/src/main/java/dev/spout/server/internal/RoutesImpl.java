package dev.spout.server.internal;

import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.host.StreamSource;
import dev.spout.engine.stream.SseHandler;
import dev.spout.engine.topic.SubscriptionHandler;
import dev.spout.engine.topic.Topic;
import dev.spout.engine.topic.TopicOptions;
import dev.spout.server.Routes;
import dev.spout.server.http.HttpHandler;
import dev.spout.server.http.StaticFiles;
import dev.spout.server.internal.endpoint.EndpointSettings;
import dev.spout.server.internal.endpoint.HttpEndpoint;
import dev.spout.server.internal.endpoint.StaticFileEndpoint;
import dev.spout.server.internal.http.Router;
import dev.spout.server.internal.page.AjaxEndpoint;
import dev.spout.server.internal.page.PageEndpoint;
import dev.spout.server.internal.page.PageRoutes;
import dev.spout.server.internal.stream.StreamEndpoint;
import dev.spout.server.page.AjaxHandler;
import dev.spout.server.page.PageContents;
import dev.spout.server.page.PageOptions;
import java.util.Objects;
import java.util.function.Consumer;
import org.eclipse.jetty.server.Request;
import org.jspecify.annotations.Nullable;

/** The routes of an application below one prefix ("" at the root): each definition becomes an endpoint. */
public final class RoutesImpl implements Routes, PageRoutes {
    private static final String AJAX = "/ajax/";

    private final Router router;
    private final ServerParts parts;
    private final EndpointSettings endpoints;
    private final String prefix;

    public RoutesImpl(Router router, ServerParts parts, EndpointSettings endpoints, String prefix) {
        this.router = router;
        this.parts = parts;
        this.endpoints = endpoints;
        this.prefix = prefix;
    }

    @Override
    public RoutesImpl route(String method, String path, Authorizer authorizer, HttpHandler handler) {
        Objects.requireNonNull(authorizer, "authorizer");
        Objects.requireNonNull(handler, "handler");
        if (!method.matches("[A-Z][A-Z-]*")) {
            throw new IllegalArgumentException("Not an HTTP method: \"" + method + "\" (upper case, as GET or PUT)");
        }
        String full = path(path);
        var fresh = new HttpEndpoint(full, parts.sessions(), endpoints.corsOrigins(), endpoints.bodies());
        Request.Handler existing = router.putIfAbsent(full, null, fresh);
        HttpEndpoint endpoint;
        if (existing == null) {
            endpoint = fresh;
        } else if (existing instanceof HttpEndpoint plain) {
            endpoint = plain;
        } else if (existing instanceof StreamEndpoint stream && !"GET".equals(method) && !"HEAD".equals(method)) {
            fresh.streamOnGet(stream); // the stream keeps GET; the plain handlers take the other methods
            router.replace(full, null, stream, fresh);
            endpoint = fresh;
        } else {
            throw new IllegalStateException("Something other than a plain endpoint is served at " + full);
        }
        endpoint.add(method, authorizer, handler);
        return this;
    }

    @Override
    public RoutesImpl staticFiles(String prefix, StaticFiles files) {
        Objects.requireNonNull(files, "files");
        String full = path(prefix);
        router.addPrefix(full, new StaticFileEndpoint(full, files, endpoints.server()));
        return this;
    }

    @Override
    public RoutesImpl page(String path, PageOptions options, PageContents contents) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(contents, "contents");
        String full = path(path);
        String host = options.host().orElse(null);
        var endpoint = new PageEndpoint(full, options, contents, this, parts.pages(), parts.sessions());
        router.add(full, host, endpoint);
        if (!options.isStrictPath() && full.length() > 1) { // by default /a and /a/ are the same page
            router.addIfAbsent(full.endsWith("/") ? full.substring(0, full.length() - 1) : full + "/", host, endpoint);
        }
        return this;
    }

    @Override
    public RoutesImpl ssePage(
            String path, PageOptions options, PageContents contents, String ssePath, SseHandler handler) {
        Objects.requireNonNull(handler, "handler");
        page(path, options, contents);
        String streamPath = path(ssePath);
        var endpoint = streams(
                streamPath, path(path), StreamSource.handler(Authorizer.allowAll(), handler), pageRule(options));
        addStream(streamPath, options.host().orElse(null), endpoint);
        return this;
    }

    @Override
    public RoutesImpl ssePage(String path, PageOptions options, PageContents contents, String ssePath, Topic topic) {
        Objects.requireNonNull(topic, "topic");
        page(path, options, contents);
        String streamPath = path(ssePath);
        var endpoint = streams(streamPath, path(path), StreamSource.topic(topic), pageRule(options));
        addStream(streamPath, options.host().orElse(null), endpoint);
        return this;
    }

    @Override
    public RoutesImpl sse(String path, Authorizer authorizer, SseHandler handler) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(authorizer, "authorizer");
        String streamPath = path(path);
        addStream(
                streamPath,
                null,
                streams(streamPath, null, StreamSource.handler(authorizer, handler), Authorizer.allowAll()));
        return this;
    }

    @Override
    public RoutesImpl sse(String path, Topic topic) {
        Objects.requireNonNull(topic, "topic");
        String streamPath = path(path);
        addStream(streamPath, null, streams(streamPath, null, StreamSource.topic(topic), Authorizer.allowAll()));
        return this;
    }

    @Override
    public RoutesImpl subscribe(String path, SubscriptionHandler handler) {
        Objects.requireNonNull(handler, "handler");
        String streamPath = path(path);
        addStream(streamPath, null, streams(streamPath, null, StreamSource.chosenBy(handler), Authorizer.allowAll()));
        return this;
    }

    @Override
    public RoutesImpl subscriptionPage(
            String path, PageOptions options, PageContents contents, String ssePath, SubscriptionHandler handler) {
        Objects.requireNonNull(handler, "handler");
        page(path, options, contents);
        String streamPath = path(ssePath);
        var endpoint = streams(streamPath, path(path), StreamSource.chosenBy(handler), pageRule(options));
        addStream(streamPath, options.host().orElse(null), endpoint);
        return this;
    }

    @Override
    public RoutesImpl ajax(String path, AjaxHandler handler) {
        String url = ajaxPath(path);
        router.add(url, ajaxEndpoint(url, "POST", handler));
        return this;
    }

    /**
     * Registers the handler for the method unless the ajax path already has one; returns the URL to call. A page
     * binds its paths each time it renders, so the same binding finds its endpoint there and reuses it. A path is
     * one endpoint with one method and one handler: a binding that asks another method of it, or brings a handler
     * written elsewhere (a lambda of another call site), is a mistake, refused here rather than silently answered
     * by the first.
     */
    @Override
    public String registerAjax(String path, String method, AjaxHandler handler) {
        String url = ajaxPath(path);
        Request.Handler existing = router.putIfAbsent(url, null, ajaxEndpoint(url, method, handler));
        if (existing instanceof AjaxEndpoint ajax && !ajax.method().equals(method)) {
            throw new IllegalStateException("The ajax endpoint " + url + " answers " + ajax.method()
                    + "; a binding cannot call it with " + method);
        }
        if (existing instanceof AjaxEndpoint ajax && ajax.handler().getClass() != handler.getClass()) {
            throw new IllegalStateException("The ajax path " + url + " is bound by two different handlers ("
                    + ajax.handler().getClass().getName() + " and "
                    + handler.getClass().getName()
                    + "): give each binding its own path");
        }
        if (existing != null && !(existing instanceof AjaxEndpoint)) {
            throw new IllegalStateException("Something other than an ajax endpoint is served at " + url);
        }
        return url;
    }

    @Override
    public Topic topic(String name) {
        return parts.engine().topic(topicName(name));
    }

    @Override
    public Topic topic(String name, Consumer<TopicOptions> settings) {
        return parts.engine().topic(topicName(name), Objects.requireNonNull(settings, "settings"));
    }

    @Override
    public RoutesImpl topicPattern(String pattern, Consumer<TopicOptions> settings) {
        parts.engine().topicPattern(topicName(pattern), Objects.requireNonNull(settings, "settings"));
        return this;
    }

    @Override
    public RoutesImpl under(String prefix) {
        String sub = path(prefix);
        return new RoutesImpl(router, parts, endpoints, sub.equals("/") ? "" : sub);
    }

    @Override
    public String path(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A path must start with '/': \"" + path + "\"");
        }
        return prefix + path;
    }

    private AjaxEndpoint ajaxEndpoint(String url, String method, AjaxHandler handler) {
        return new AjaxEndpoint(
                url, method, Objects.requireNonNull(handler, "handler"), parts.pages(), parts.sessions());
    }

    /** Below a prefix, topic names get it too ("/chat" and "room" make "chat/room"), so mounted parts never collide. */
    private String topicName(String name) {
        Objects.requireNonNull(name, "name");
        return prefix.isEmpty() ? name : prefix.substring(1) + "/" + name;
    }

    private static Authorizer pageRule(PageOptions options) {
        return options.requiresUser() ? Authorizer.requireUser() : Authorizer.allowAll();
    }

    /**
     * The endpoint of a stream at {@code path}; {@code pagePath} (or null) is where a browser navigating to it is
     * sent.
     */
    /**
     * Serves the stream at the path, or on GET beside the plain handlers already there (their other methods kept).
     *
     * @throws IllegalStateException if the path already serves something else, or a GET
     */
    private void addStream(String path, @Nullable String host, StreamEndpoint endpoint) {
        Request.Handler existing = router.putIfAbsent(path, host, endpoint);
        if (existing instanceof HttpEndpoint plain) {
            plain.streamOnGet(endpoint);
        } else if (existing != null) {
            throw new IllegalStateException(
                    "Something is already served at " + path + (host == null ? "" : " for " + host));
        }
    }

    private StreamEndpoint streams(String path, @Nullable String pagePath, StreamSource source, Authorizer pageRule) {
        return new StreamEndpoint(path, pagePath, source, pageRule, parts.engine(), parts.sessions(), parts.pool());
    }

    private String ajaxPath(String path) {
        Objects.requireNonNull(path, "path");
        String name = path.startsWith("/") ? path.substring(1) : path;
        if (name.isEmpty()) {
            throw new IllegalArgumentException("An ajax path must not be empty");
        }
        return prefix + AJAX + name;
    }
}
