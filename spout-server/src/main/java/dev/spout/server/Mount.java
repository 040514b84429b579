package dev.spout.server;

import java.util.Objects;
import java.util.function.Consumer;

/** The routes of an application below one prefix ("" at the root). */
final class Mount implements Routes {
    private static final String AJAX = "/ajax/";

    private final Router router;
    private final Engine engine;
    private final String prefix;

    Mount(Router router, Engine engine, String prefix) {
        this.router = router;
        this.engine = engine;
        this.prefix = prefix;
    }

    @Override
    public Mount page(String path, PageContents contents) {
        return page(path, PageOptions.defaults(), contents);
    }

    @Override
    public Mount page(String path, PageOptions options, PageContents contents) {
        Objects.requireNonNull(options, "options");
        Objects.requireNonNull(contents, "contents");
        String full = path(path);
        var endpoint = new PageEndpoint(full, options, contents, this, engine);
        router.add(full, options.host, endpoint);
        if (!options.strictPath && full.length() > 1) { // awful's default: /a and /a/ are the same page
            router.addIfAbsent(
                    full.endsWith("/") ? full.substring(0, full.length() - 1) : full + "/", options.host, endpoint);
        }
        return this;
    }

    @Override
    public Mount ssePage(String path, PageContents contents, String ssePath, SseHandler handler) {
        return ssePage(path, PageOptions.defaults(), contents, ssePath, handler);
    }

    @Override
    public Mount ssePage(String path, PageOptions options, PageContents contents, String ssePath, SseHandler handler) {
        Objects.requireNonNull(handler, "handler");
        page(path, options, contents);
        router.add(
                path(ssePath),
                options.host,
                new SseEndpoint(path(ssePath), path(path), handler, pageRule(options), engine));
        return this;
    }

    @Override
    public Mount ssePage(String path, PageContents contents, String ssePath, Topic topic) {
        return ssePage(path, PageOptions.defaults(), contents, ssePath, topic);
    }

    @Override
    public Mount ssePage(String path, PageOptions options, PageContents contents, String ssePath, Topic topic) {
        LocalTopic local = local(topic);
        page(path, options, contents);
        Authorizer authorizer = both(pageRule(options), local.options.authorizer);
        router.add(
                path(ssePath), options.host, new TopicEndpoint(path(ssePath), path(path), local, authorizer, engine));
        return this;
    }

    @Override
    public Mount sse(String path, SseHandler handler) {
        return sse(path, Authorizer.allowAll(), handler);
    }

    @Override
    public Mount sse(String path, Authorizer authorizer, SseHandler handler) {
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(authorizer, "authorizer");
        router.add(path(path), new SseEndpoint(path(path), null, handler, authorizer, engine));
        return this;
    }

    @Override
    public Mount sse(String path, Topic topic) {
        LocalTopic local = local(topic);
        router.add(path(path), new TopicEndpoint(path(path), null, local, local.options.authorizer, engine));
        return this;
    }

    @Override
    public Mount ajax(String path, AjaxHandler handler) {
        String url = ajaxPath(path);
        router.add(url, new AjaxEndpoint(url, "POST", Objects.requireNonNull(handler, "handler"), engine));
        return this;
    }

    /**
     * Registers the handler for the method unless the ajax path already has one; returns the URL to call. A path
     * is one endpoint with one method: a binding that asks another method of it is a mistake, refused here.
     */
    String registerAjax(String path, String method, AjaxHandler handler) {
        String url = ajaxPath(path);
        var endpoint = new AjaxEndpoint(url, method, Objects.requireNonNull(handler, "handler"), engine);
        Endpoint existing = router.putIfAbsent(url, null, endpoint);
        if (existing instanceof AjaxEndpoint ajax && !ajax.method.equals(method)) {
            throw new IllegalStateException("The ajax endpoint " + url + " answers " + ajax.method
                    + "; a binding cannot call it with " + method);
        }
        if (existing != null && !(existing instanceof AjaxEndpoint)) {
            throw new IllegalStateException("Something other than an ajax endpoint is served at " + url);
        }
        return url;
    }

    @Override
    public Topic topic(String name) {
        return engine.topic(topicName(name), null);
    }

    @Override
    public Topic topic(String name, Consumer<TopicOptions> settings) {
        return engine.topic(topicName(name), Objects.requireNonNull(settings, "settings"));
    }

    /** Below a prefix, topic names get it too ("/chat" and "room" make "chat/room"), so mounted parts never collide. */
    private String topicName(String name) {
        Objects.requireNonNull(name, "name");
        return prefix.isEmpty() ? name : prefix.substring(1) + "/" + name;
    }

    @Override
    public Mount under(String prefix) {
        String sub = path(prefix);
        return new Mount(router, engine, sub.equals("/") ? "" : sub);
    }

    @Override
    public String path(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A path must start with '/': \"" + path + "\"");
        }
        return prefix + path;
    }

    private static Authorizer pageRule(PageOptions options) {
        return options.requireUser ? Authorizer.requireUser() : Authorizer.allowAll();
    }

    private static Authorizer both(Authorizer first, Authorizer second) {
        return request -> {
            Access access = first.check(request);
            return access == Access.ALLOW ? second.check(request) : access;
        };
    }

    private LocalTopic local(Topic topic) {
        Objects.requireNonNull(topic, "topic");
        LocalTopic local = engine.topics.get(topic.name());
        if (local != topic) {
            throw new IllegalArgumentException("The topic " + topic.name() + " belongs to another application");
        }
        return local;
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
