package dev.spout.server;

import java.util.Objects;

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
        Objects.requireNonNull(contents, "contents");
        router.add(path(path), new PageEndpoint(path(path), contents, this));
        return this;
    }

    @Override
    public Mount ssePage(String path, PageContents contents, String ssePath, SseHandler handler) {
        Objects.requireNonNull(handler, "handler");
        page(path, contents);
        router.add(path(ssePath), new SseEndpoint(path(ssePath), path(path), handler, engine));
        return this;
    }

    @Override
    public Mount ssePage(String path, PageContents contents, String ssePath, Topic topic) {
        LocalTopic local = local(topic);
        page(path, contents);
        router.add(path(ssePath), new TopicEndpoint(path(ssePath), path(path), local, engine));
        return this;
    }

    @Override
    public Mount sse(String path, SseHandler handler) {
        Objects.requireNonNull(handler, "handler");
        router.add(path(path), new SseEndpoint(path(path), null, handler, engine));
        return this;
    }

    @Override
    public Mount sse(String path, Topic topic) {
        router.add(path(path), new TopicEndpoint(path(path), null, local(topic), engine));
        return this;
    }

    @Override
    public Mount ajax(String path, AjaxHandler handler) {
        String url = ajaxPath(path);
        router.add(url, new AjaxEndpoint(url, Objects.requireNonNull(handler, "handler")));
        return this;
    }

    /** Registers the handler unless the ajax path already has one; returns the URL to POST to. */
    String registerAjax(String path, AjaxHandler handler) {
        String url = ajaxPath(path);
        router.addIfAbsent(url, new AjaxEndpoint(url, Objects.requireNonNull(handler, "handler")));
        return url;
    }

    @Override
    public Topic topic(String name) {
        return engine.topic(topicName(name), null);
    }

    @Override
    public Topic topic(String name, java.util.function.Consumer<TopicOptions> settings) {
        return engine.topic(topicName(name), java.util.Objects.requireNonNull(settings, "settings"));
    }

    /** Below a prefix, topic names get it too ("/chat" and "room" make "chat/room"), so mounted parts never collide. */
    private String topicName(String name) {
        java.util.Objects.requireNonNull(name, "name");
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
