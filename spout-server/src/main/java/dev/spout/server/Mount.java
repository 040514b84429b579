package dev.spout.server;

import java.util.Objects;

/** The routes of an application below one prefix ("" at the root). */
final class Mount implements Routes {
    private static final String AJAX = "/ajax/";

    private final Router router;
    private final StreamRegistry streams;
    private final String prefix;

    Mount(Router router, StreamRegistry streams, String prefix) {
        this.router = router;
        this.streams = streams;
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
        page(path, contents);
        router.add(path(ssePath), new SseEndpoint(path(ssePath), path(path), Objects.requireNonNull(handler), streams));
        return this;
    }

    @Override
    public Mount sse(String path, SseHandler handler) {
        router.add(path(path), new SseEndpoint(path(path), null, Objects.requireNonNull(handler), streams));
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
    public Mount under(String prefix) {
        String sub = path(prefix);
        return new Mount(router, streams, sub.equals("/") ? "" : sub);
    }

    @Override
    public String path(String path) {
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("A path must start with '/': \"" + path + "\"");
        }
        return prefix + path;
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
