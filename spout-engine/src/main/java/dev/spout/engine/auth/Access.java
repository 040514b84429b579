package dev.spout.engine.auth;

/**
 * The answer of an {@link Authorizer}: whether a client may open a stream. A refused client gets the status and no
 * events.
 *
 * <pre>{@code
 * Authorizer admins = request -> request.user().isEmpty() ? Access.UNAUTHORIZED
 *         : admins.contains(request.user().get()) ? Access.ALLOW : Access.FORBIDDEN;
 * }</pre>
 */
public enum Access {
    /** The client may subscribe. */
    ALLOW(200),
    /** The client is not known (no session, no or bad token): {@code 401 Unauthorized}. */
    UNAUTHORIZED(401),
    /** The client is known but may not subscribe: {@code 403 Forbidden}. */
    FORBIDDEN(403);

    private final int status;

    Access(int status) {
        this.status = status;
    }

    /** The HTTP status a refused client gets. */
    public int status() {
        return status;
    }
}
