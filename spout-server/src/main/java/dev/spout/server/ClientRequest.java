package dev.spout.server;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

/**
 * What a page, SSE handler, authorizer or ajax handler may read of the request that started it: path, headers,
 * query and form parameters, the client's address, and the browser's session. A thin view over Jetty's request;
 * {@link #jetty()} is the escape hatch.
 *
 * <pre>{@code
 * app.sse("/prices", sse -> {
 *     String symbol = sse.request().queryParameter("symbol").orElse("ACME");
 *     String user = sse.request().user().orElse("guest");
 *     ...
 * });
 * }</pre>
 */
public final class ClientRequest {
    private final Request request;
    private final Response response;
    private final Sessions sessions;
    private final Fields form;
    private Fields query;
    private Optional<Session> session;

    ClientRequest(Request request, Response response, Sessions sessions, Fields form) {
        this.request = request;
        this.response = response;
        this.sessions = sessions;
        this.form = form;
    }

    /** The path, without the query, as the client asked for it (for example {@code /client}). */
    public String path() {
        return Request.getPathInContext(request);
    }

    public String method() {
        return request.getMethod();
    }

    /** The first value of a header, if the client sent it. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    /** The first value of a query parameter, if present. */
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query().getValue(name));
    }

    /** All values of a query parameter, in order; empty if absent. */
    public List<String> queryParameters(String name) {
        return query().getValues(name);
    }

    /** The first value of a form parameter of a POSTed {@code application/x-www-form-urlencoded} body. */
    public Optional<String> formParameter(String name) {
        return form == null ? Optional.empty() : Optional.ofNullable(form.getValue(name));
    }

    /** The client's IP address, as seen by this server (a proxy's, behind one). */
    public String remoteAddress() {
        SocketAddress address = request.getConnectionMetaData().getRemoteSocketAddress();
        return address instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }

    /** Whether the request came over TLS. */
    public boolean isSecure() {
        return request.isSecure();
    }

    /** The browser's session, if it has a live one (anonymous or a signed-in user's). */
    public Optional<Session> session() {
        if (session == null) {
            session = sessions.find(request);
        }
        return session;
    }

    /** The signed-in user of this browser's session, if it has one: who this request is, not merely a session. */
    public Optional<String> user() {
        return session().flatMap(Session::user);
    }

    /**
     * The browser's session, started now as an anonymous one if it has none (setting the session cookie): for
     * state and CSRF tokens, never a login (see {@link #signIn}).
     *
     * @throws IllegalStateException once the response has been sent (a stream's headers go out before its handler)
     */
    public Session startSession() {
        Optional<Session> existing = session();
        if (existing.isPresent()) {
            return existing.get();
        }
        return begin(null);
    }

    /**
     * Signs the user in, after the application has checked who they are: the browser's old session, if any, ends
     * (its streams too), and a new one for the user replaces it under a fresh id, so an id an attacker may have
     * planted is worth nothing. Pages that {@link PageOptions#requireUser() require a user} and streams that {@link
     * Authorizer#requireUser() do} admit the browser from then on.
     *
     * <pre>{@code
     * if (accounts.check(name, password)) {
     *     page.request().signIn(name);
     *     return page.redirectToNext(app.path("/dashboard"));
     * }
     * }</pre>
     *
     * @throws IllegalStateException once the response has been sent
     */
    public Session signIn(String user) {
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("A signed-in user needs a name, got \"" + user + "\"");
        }
        signOut();
        return begin(user);
    }

    /**
     * Ends the browser's session, if it has one (sign-out, or the end of an anonymous session), and clears its
     * cookie. Streams opened with that session on this node end at once ({@link CloseReason.SessionEnded}).
     */
    public void signOut() {
        session().ifPresent(s -> sessions.end(request, response, s));
        session = Optional.empty();
    }

    private Session begin(String user) {
        if (response == null) {
            throw new IllegalStateException("No response to set a session cookie on");
        }
        Session started = sessions.start(request, response, user);
        session = Optional.of(started);
        return started;
    }

    /** The underlying Jetty request, for what this view does not offer. */
    public Request jetty() {
        return request;
    }

    private Fields query() {
        if (query == null) {
            query = Request.extractQueryParameters(request);
        }
        return query;
    }

    @Override
    public String toString() {
        return request.getMethod() + " " + request.getHttpURI().getPathQuery();
    }
}
