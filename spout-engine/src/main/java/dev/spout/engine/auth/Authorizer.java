package dev.spout.engine.auth;

/**
 * Decides, for each request, whether the client may subscribe: with a session, a token, its address. Runs before
 * the stream opens, on a server thread; keep it quick.
 *
 * <pre>{@code
 * app.topic("admin", topic -> topic.authorize(request ->
 *         request.header("Authorization").map(tokens::check).orElse(Access.UNAUTHORIZED)));
 * }</pre>
 */
@FunctionalInterface
public interface Authorizer {
    Access check(ClientRequest request) throws Exception;

    /**
     * Only a signed-in user ({@code SpoutRequest.signIn}) may open the stream; anyone else gets 401. Not merely a
     * session: any visitor of a page with ajax bindings has one.
     */
    static Authorizer requireUser() {
        return request -> request.user().isPresent() ? Access.ALLOW : Access.UNAUTHORIZED;
    }

    /** Everyone may subscribe (the default). */
    static Authorizer allowAll() {
        return request -> Access.ALLOW;
    }
}
