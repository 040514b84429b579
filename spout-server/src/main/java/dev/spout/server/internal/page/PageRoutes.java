package dev.spout.server.internal.page;

import dev.spout.server.page.AjaxHandler;

/** What a page needs of the routes it is served under: its prefix, and a place to register its ajax endpoints. */
public interface PageRoutes {

    /** The absolute path of a path of these routes, with their prefix. */
    String path(String path);

    /**
     * Registers the ajax handler for the method at {@code path} unless it is registered already; returns the URL
     * to call.
     *
     * @throws IllegalStateException if the path answers another method, or is bound by another handler
     */
    String registerAjax(String path, String method, AjaxHandler handler);
}
