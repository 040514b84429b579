package dev.spout.mercure.internal;

import dev.spout.engine.HttpStatusException;

/**
 * The hub's refusals of who asks, as RFC 6750 says for bearer tokens: {@code 401} with a {@code WWW-Authenticate:
 * Bearer} challenge when a token is needed and missing ({@code error="invalid_token"} when one was given and is not
 * valid: expired, forged, malformed, for another hub), {@code 403} with {@code error="insufficient_scope"} when a valid
 * token does not grant what is asked. The reason in the body is the same for every invalid token, so a prober learns
 * nothing of why; the log has it.
 *
 * <pre>{@code
 * throw Challenges.missing(resourceMetadata);
 * }</pre>
 */
final class Challenges {
    private Challenges() {}

    /** No token, where one is needed. */
    static HttpStatusException missing(String metadata) {
        return new HttpStatusException(401, "A token is needed")
                .withHeader("WWW-Authenticate", "Bearer realm=\"mercure\", resource_metadata=\"" + metadata + "\"");
    }

    /** A token that is not valid. */
    static HttpStatusException invalid(String metadata) {
        return new HttpStatusException(401, "The token is not valid")
                .withHeader(
                        "WWW-Authenticate",
                        "Bearer realm=\"mercure\", error=\"invalid_token\", resource_metadata=\"" + metadata + "\"");
    }

    /** A valid token that does not grant this. */
    static HttpStatusException insufficient(String what) {
        return new HttpStatusException(403, "The token does not grant " + what)
                .withHeader("WWW-Authenticate", "Bearer realm=\"mercure\", error=\"insufficient_scope\"");
    }
}
