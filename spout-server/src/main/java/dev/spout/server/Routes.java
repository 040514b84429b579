package dev.spout.server;

import dev.spout.engine.auth.Authorizer;
import dev.spout.engine.stream.SseHandler;
import dev.spout.engine.topic.SubscriptionHandler;
import dev.spout.engine.topic.Topic;
import dev.spout.engine.topic.TopicOptions;
import dev.spout.server.http.HttpHandler;
import dev.spout.server.http.StaticFiles;
import dev.spout.server.page.AjaxHandler;
import dev.spout.server.page.Page;
import dev.spout.server.page.PageContents;
import dev.spout.server.page.PageOptions;
import java.util.function.Consumer;

/**
 * Where an application defines what it serves: pages, SSE endpoints, ajax endpoints, plain HTTP endpoints and
 * static files. {@link
 * Spout} is the root; {@link #under(String)} gives the same view below a prefix, so a self-contained piece of an
 * application (each of the demo's examples, say) can be written once and mounted anywhere.
 *
 * <pre>{@code
 * static void clock(Routes routes) {
 *     routes.ssePage("/client", page -> ..., "/sse", sse -> ...);
 * }
 * clock(app);                 // serves /client and /sse
 * clock(app.under("/clock")); // serves /clock/client and /clock/sse
 * }</pre>
 *
 * <p>A path is exact ({@code /users/me}) or has parameters, each a whole segment ({@code /users/{id}/events}), read
 * with {@link dev.spout.engine.auth.ClientRequest#pathParameter}; an exact path wins over one with parameters, and
 * two paths with parameters that one request could match are refused. Every method returns these routes, so
 * definitions chain. A path that is already served is refused with {@link IllegalStateException}.
 */
public interface Routes {

    /** A page, answering GET and HEAD. */
    default Routes page(String path, PageContents contents) {
        return page(path, PageOptions.defaults(), contents);
    }

    /** A page with options: methods, a signed-in user required, template, trailing-slash rule, virtual host. */
    Routes page(String path, PageOptions options, PageContents contents);

    /**
     * A client page and its SSE endpoint, defined together. The handler runs once per connected client, on its own
     * virtual thread. A request to {@code ssePath} that does not accept {@code text/event-stream} (a person typing
     * the URL) is redirected to the page.
     */
    default Routes ssePage(String path, PageContents contents, String ssePath, SseHandler handler) {
        return ssePage(path, PageOptions.defaults(), contents, ssePath, handler);
    }

    /**
     * {@link #ssePage(String, PageContents, String, SseHandler)} with page options; a page that requires a
     * signed-in user also refuses its stream (401) to anyone else.
     */
    Routes ssePage(String path, PageOptions options, PageContents contents, String ssePath, SseHandler handler);

    /** A client page whose SSE endpoint streams a topic to every client. */
    default Routes ssePage(String path, PageContents contents, String ssePath, Topic topic) {
        return ssePage(path, PageOptions.defaults(), contents, ssePath, topic);
    }

    /**
     * A client page with options, whose SSE endpoint streams a topic; a page that requires a signed-in user also
     * refuses its stream (401) to anyone else, before the topic's own authorizer is asked.
     */
    Routes ssePage(String path, PageOptions options, PageContents contents, String ssePath, Topic topic);

    /** An SSE endpoint whose handler runs once per connected client, on its own virtual thread. */
    default Routes sse(String path, SseHandler handler) {
        return sse(path, Authorizer.allowAll(), handler);
    }

    /** A per-client SSE endpoint whose clients the authorizer admits (401/403 for the others, before any event). */
    Routes sse(String path, Authorizer authorizer, SseHandler handler);

    /** An SSE endpoint that streams a topic: every client gets every event, and catches up after reconnecting. */
    Routes sse(String path, Topic topic);

    /**
     * An SSE endpoint whose handler chooses, for each request, the topics its stream follows (from the path's
     * parameters, the query, the signed-in user), or refuses it. The handler runs on the request's virtual thread,
     * before any byte; each chosen topic's authorizer is asked too. A stream of several topics keeps each topic's
     * order, sends an event published to several of them once, and resumes every one of them exactly from its
     * {@code Last-Event-ID}.
     *
     * <pre>{@code
     * app.subscribe("/users/{id}/events", request -> request.user().equals(request.pathParameter("id"))
     *         ? Subscription.to(app.topic("user/" + request.pathParameter("id").orElseThrow()))
     *         : Subscription.refuse(Access.FORBIDDEN));
     * }</pre>
     */
    Routes subscribe(String path, SubscriptionHandler handler);

    /** A client page whose SSE endpoint follows the topics its handler chooses per request. */
    default Routes subscriptionPage(String path, PageContents contents, String ssePath, SubscriptionHandler handler) {
        return subscriptionPage(path, PageOptions.defaults(), contents, ssePath, handler);
    }

    /**
     * {@link #subscriptionPage(String, PageContents, String, SubscriptionHandler)} with page options; a page that
     * requires a signed-in user also refuses its stream (401) to anyone else, before the handler is asked.
     */
    Routes subscriptionPage(
            String path, PageOptions options, PageContents contents, String ssePath, SubscriptionHandler handler);

    /** A plain endpoint answering GET (and HEAD) with the handler's response; see {@link #route}. */
    default Routes get(String path, HttpHandler handler) {
        return route("GET", path, Authorizer.allowAll(), handler);
    }

    /** A plain endpoint answering GET (and HEAD) to clients the authorizer admits; see {@link #route}. */
    default Routes get(String path, Authorizer authorizer, HttpHandler handler) {
        return route("GET", path, authorizer, handler);
    }

    /** A plain endpoint answering POST; see {@link #route}. */
    default Routes post(String path, HttpHandler handler) {
        return route("POST", path, Authorizer.allowAll(), handler);
    }

    /** A plain endpoint answering POST to clients the authorizer admits; see {@link #route}. */
    default Routes post(String path, Authorizer authorizer, HttpHandler handler) {
        return route("POST", path, authorizer, handler);
    }

    /** A plain endpoint answering the method (GET, PUT, DELETE, PATCH...) to anyone; see {@link #route}. */
    default Routes route(String method, String path, HttpHandler handler) {
        return route(method, path, Authorizer.allowAll(), handler);
    }

    /**
     * A plain endpoint: the handler answers one method at the path (define the path again for another method; a
     * method it does not answer gets {@code 405} with {@code Allow}). No page session and no CSRF token are needed,
     * so services can call it; a browser's cross-origin request with a method that may change something is refused
     * ({@code 403}), and the authorizer decides before the body is read ({@code 401}/{@code 403}), as for streams.
     * The body is bounded by {@link SpoutOptions#maxRequestBody} ({@code 413}).
     *
     * <pre>{@code
     * app.route("PUT", "/docs/{name}", Authorizer.requireUser(), request -> {
     *     docs.save(request.pathParameter("name").orElseThrow(), request.text());
     *     return HttpResponse.noContent();
     * });
     * }</pre>
     *
     * @throws IllegalArgumentException if the method is not an HTTP method token
     * @throws IllegalStateException if the path already answers that method, or serves a page or a stream
     */
    Routes route(String method, String path, Authorizer authorizer, HttpHandler handler);

    /**
     * Static files below a path prefix: {@code staticFiles("/assets", StaticFiles.classpath("static"))} serves
     * {@code /assets/app.css} from {@code static/app.css} on the class path, with validators, {@code 304}s and
     * {@code Cache-Control}. Exact routes and path templates win over a prefix.
     */
    Routes staticFiles(String prefix, StaticFiles files);

    /**
     * An ajax endpoint at {@code /ajax/<path>}, answering POST only (405 to other methods), CSRF-checked; pages
     * bind to it with {@link Page#ajax}.
     */
    Routes ajax(String path, AjaxHandler handler);

    /**
     * The topic of that name, created with the default options on first use. Below a prefix the topic's full name
     * carries the prefix ({@code under("/chat").topic("room")} is topic {@code chat/room}).
     */
    Topic topic(String name);

    /**
     * Creates a topic with adjusted options (history, authorization, replay).
     *
     * @throws IllegalStateException if the topic already exists: its options are fixed at creation
     */
    Topic topic(String name, Consumer<TopicOptions> settings);

    /**
     * Options for the topics created on demand whose names match the pattern, in which {@code *} stands for one or
     * more characters other than {@code /}: {@code user/*}, {@code doc/*}. Such topics come and go: one that has no
     * subscribers and no history left (its events expired, or none published) is reclaimed, so per-user and
     * per-document topics cost memory only while they are in use; a handle still held goes on working, on the
     * topic of that name as it is now. Patterns apply to topics created after them; the first that matches wins.
     *
     * <pre>{@code
     * app.topicPattern("user/*", t -> t.history(100, Duration.ofHours(1)));
     * app.topic("user/42").publish("you have mail");   // created on demand, with those options
     * }</pre>
     */
    Routes topicPattern(String pattern, Consumer<TopicOptions> settings);

    /** The same routes below a path prefix such as {@code /clock}. */
    Routes under(String prefix);

    /** The absolute path of a path of these routes, with their prefix: {@code under("/a").path("/b")} is /a/b. */
    String path(String path);
}
