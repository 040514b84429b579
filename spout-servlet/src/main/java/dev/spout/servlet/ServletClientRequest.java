package dev.spout.servlet;

import dev.spout.engine.auth.ClientRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A stream's request in a Servlet container, as Spout's authorizers and handlers see it. The user is the container's
 * ({@code getUserPrincipal()}: Spring Security's, the container's realm); path parameters are those a framework put
 * in the request attribute {@link #PATH_PARAMETERS} (the Spring starter puts Spring MVC's path variables there).
 * The container's sessions (and its security) are the application's: {@link #unwrap} reaches the container's request.
 *
 * <pre>{@code
 * Authorizer onlyAdmins = request -> request.unwrap(HttpServletRequest.class)
 *         .filter(servlet -> servlet.isUserInRole("admin"))
 *         .map(servlet -> Access.ALLOW)
 *         .orElse(Access.FORBIDDEN);
 * }</pre>
 */
public final class ServletClientRequest implements ClientRequest {
    /** The request attribute that holds a {@code Map<String, String>} of path parameters, if a framework sets one. */
    public static final String PATH_PARAMETERS = "dev.spout.servlet.pathParameters";

    private final HttpServletRequest request;
    private final @Nullable Principal user; // read now: security's view of it may be on this thread only
    private final String remoteAddress;

    /** The Spout view of a container's request, with its user and address as they are now. */
    public ServletClientRequest(HttpServletRequest request) {
        this.request = request;
        this.user = request.getUserPrincipal();
        this.remoteAddress = request.getRemoteAddr();
    }

    /** The container's request, for what Spout's view does not offer. */
    public HttpServletRequest servletRequest() {
        return request;
    }

    @Override
    public String path() {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    @Override
    public String method() {
        return request.getMethod();
    }

    @Override
    @SuppressWarnings("unchecked")
    public Map<String, String> pathParameters() {
        return request.getAttribute(PATH_PARAMETERS) instanceof Map<?, ?> values
                ? Map.copyOf((Map<String, String>) values)
                : Map.of();
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(request.getHeader(name));
    }

    /** A parameter of the query string (a stream's request is a GET, so the Servlet API's parameters are these). */
    @Override
    public Optional<String> queryParameter(String name) {
        return Optional.ofNullable(request.getParameter(name));
    }

    @Override
    public List<String> queryParameters(String name) {
        String[] values = request.getParameterValues(name);
        return values == null ? List.of() : Arrays.asList(values);
    }

    @Override
    public Set<String> queryParameterNames() {
        return Set.copyOf(java.util.Collections.list(request.getParameterNames()));
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    @Override
    public boolean isSecure() {
        return request.isSecure();
    }

    /**
     * The name of the container's authenticated user when the stream was asked for, if there was one. It is read
     * at once because a security framework may keep it for the request's thread only (Spring Security does), and a
     * handler runs on a thread of its own.
     */
    @Override
    public Optional<String> user() {
        return Optional.ofNullable(user).map(Principal::getName);
    }

    /** The container's request ({@link HttpServletRequest}, or this view itself), for what this view does not offer. */
    @Override
    public <T> Optional<T> unwrap(Class<T> type) {
        if (type.isInstance(this)) {
            return Optional.of(type.cast(this));
        }
        return type.isInstance(request) ? Optional.of(type.cast(request)) : Optional.empty();
    }

    @Override
    public String toString() {
        String query = request.getQueryString();
        return request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query);
    }
}
