package dev.spout.server.internal.auth;

import dev.spout.server.auth.Session;
import dev.spout.server.auth.SpoutRequest;
import dev.spout.server.internal.http.Router;
import dev.spout.server.internal.http.UrlEncodedForm;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Fields;

/** The request view handed to pages, handlers, authorizers and ajax: Jetty's request, its form and its session. */
public class JettyClientRequest implements SpoutRequest {
    private final Request request;
    private final Response response;
    private final Sessions sessions;
    private final UrlEncodedForm form;
    private Fields query;
    private Optional<Session> session;

    /**
     * A view of the request; {@code response} may be null when no cookie can be set any more, {@code form} when the
     * request has no form body.
     */
    public JettyClientRequest(Request request, Response response, Sessions sessions, UrlEncodedForm form) {
        this.request = request;
        this.response = response;
        this.sessions = sessions;
        this.form = form;
    }

    /**
     * This view with a form read after it was made (a check that needs no body comes before reading one), sharing
     * the session already looked up, so a session store is asked once per request.
     */
    public JettyClientRequest withForm(UrlEncodedForm form) {
        var withForm = new JettyClientRequest(request, response, sessions, form);
        withForm.session = session;
        withForm.query = query;
        return withForm;
    }

    @Override
    public String path() {
        return Request.getPathInContext(request);
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> pathParameters() {
        return request.getAttribute(Router.PATH_PARAMETERS) instanceof Map<?, ?> values
                ? (Map<String, String>) values
                : Map.of();
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeaders().get(name));
    }

    @Override
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(query().getValue(name));
    }

    @Override
    public List<String> queryParameters(String name) {
        List<String> values = query().getValues(name); // Jetty's Fields give null for a name that is absent
        return values == null ? List.of() : values;
    }

    @Override
    public Set<String> queryParameterNames() {
        return query().getNames();
    }

    @Override
    public Optional<String> formParameter(String name) {
        return form == null ? Optional.empty() : Optional.ofNullable(form.value(name));
    }

    @Override
    public String remoteAddress() {
        SocketAddress address = request.getConnectionMetaData().getRemoteSocketAddress();
        return address instanceof InetSocketAddress inet ? inet.getAddress().getHostAddress() : String.valueOf(address);
    }

    @Override
    public boolean isSecure() {
        return request.isSecure();
    }

    @Override
    public Optional<Session> session() {
        if (session == null) {
            session = sessions.find(request);
        }
        return session;
    }

    @Override
    public Session startSession() {
        Optional<Session> existing = session();
        if (existing.isPresent()) {
            return existing.get();
        }
        return begin(null);
    }

    @Override
    public Session signIn(String user) {
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("A signed-in user needs a name, got \"" + user + "\"");
        }
        signOut();
        return begin(user);
    }

    @Override
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

    @Override
    public Request jetty() {
        return request;
    }

    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return Optional.of(type.cast(this));
        }
        return type.isInstance(request) ? Optional.of(type.cast(request)) : Optional.empty();
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
