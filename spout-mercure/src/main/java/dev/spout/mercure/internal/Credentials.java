package dev.spout.mercure.internal;

import dev.spout.engine.auth.ClientRequest;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Where a request carries its token, in the protocol's order: the {@code Authorization: Bearer} header; the cookie
 * ({@code __Secure-mercure_access_token} of the released 1.0 hub, {@code mercureAccessToken} of the specification,
 * {@code mercureAuthorization} of 0.x); for a subscriber only, the {@code authorization} query parameter (0.x's way
 * for an {@code EventSource}, which cannot send headers or, across sites, cookies).
 *
 * <pre>{@code
 * Optional<String> token = Credentials.of(request, true);
 * }</pre>
 */
final class Credentials {
    static final List<String> COOKIES = List.of(
            "__Secure-mercure_access_token",
            "mercureAccessToken",
            "mercureAuthorization",
            "mercure_access_token"); // the reference hub's playground
    private static final int MAX_TOKEN = 16 * 1024;

    private Credentials() {}

    /**
     * The request's token, if it has one.
     *
     * @throws ProtocolException 400 for an {@code Authorization} header that is not a bearer token, or a token longer
     *     than 16 KiB
     */
    static Optional<String> of(ClientRequest request, boolean inQuery) {
        Optional<String> header = request.header("Authorization");
        if (header.isPresent()) {
            String value = header.get().strip();
            if (value.length() < 7 || !value.regionMatches(true, 0, "Bearer ", 0, 7)) {
                throw new ProtocolException(400, "The Authorization header carries a Bearer token");
            }
            return Optional.of(bounded(value.substring(7).strip()));
        }
        String cookies = request.header("Cookie").orElse(null);
        if (cookies != null) {
            for (String name : COOKIES) {
                String value = cookie(cookies, name);
                if (value != null) {
                    return Optional.of(bounded(value));
                }
            }
        }
        if (inQuery) {
            return request.queryParameter("authorization").map(Credentials::bounded);
        }
        return Optional.empty();
    }

    /**
     * The value of the named cookie in a {@code Cookie} header (RFC 6265's {@code name=value; name=value}), by hand: the
     * engine's request types have headers, not cookies, on every host.
     */
    static @Nullable String cookie(String header, String name) {
        for (String pair : header.split(";", 64)) {
            int equals = pair.indexOf('=');
            if (equals > 0 && pair.substring(0, equals).strip().equals(name)) {
                String value = pair.substring(equals + 1).strip();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1)
                        : value;
            }
        }
        return null;
    }

    private static String bounded(String token) {
        if (token.isEmpty() || token.length() > MAX_TOKEN) {
            throw new ProtocolException(400, "A token is 1 to " + MAX_TOKEN + " characters");
        }
        return token;
    }
}
