package dev.spout.mercure.internal;

import java.net.URI;
import java.util.Objects;

/**
 * Where the keys of one kind of token come from: a key given whole (an HMAC secret, or the PEM of a public key), or a
 * JWK Set fetched from a URL (and cached, by Nimbus), as an identity provider publishes its keys. Either way only the
 * one algorithm given is taken.
 *
 * <pre>{@code
 * var publishers = TokenKeys.given("HS256", secret);
 * var subscribers = TokenKeys.jwks("RS256", URI.create("https://id.example.com/.well-known/jwks.json"));
 * }</pre>
 *
 * @param algorithm the JWS algorithm tokens must be signed with
 * @param key the secret or PEM, or null for a JWK Set
 * @param jwks the JWK Set's URL, or null for a key given whole
 */
public record TokenKeys(
        String algorithm,
        @org.jspecify.annotations.Nullable String key,
        @org.jspecify.annotations.Nullable URI jwks) {

    public TokenKeys {
        Objects.requireNonNull(algorithm, "algorithm");
        if ((key == null) == (jwks == null)) {
            throw new IllegalArgumentException("Token keys are a key or a JWK Set's URL, one of them");
        }
        if (jwks != null && !("https".equals(jwks.getScheme()) || "http".equals(jwks.getScheme()))) {
            throw new IllegalArgumentException("A JWK Set's URL is http(s): " + jwks);
        }
    }

    /** A key given whole: the shared secret of an HMAC algorithm, or the PEM of a public key. */
    public static TokenKeys given(String algorithm, String key) {
        return new TokenKeys(algorithm, Objects.requireNonNull(key, "key"), null);
    }

    /** The keys of a JWK Set at a URL. */
    public static TokenKeys jwks(String algorithm, URI url) {
        return new TokenKeys(algorithm, null, Objects.requireNonNull(url, "url"));
    }
}
