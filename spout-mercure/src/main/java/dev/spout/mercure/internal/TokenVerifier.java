package dev.spout.mercure.internal;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.ImmutableSecret;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.text.ParseException;
import java.util.Base64;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Verifies a role's tokens (the publishers' or the subscribers', each with its own key) and reads what they grant.
 * Nimbus JOSE+JWT does the verification as RFC 8725 asks: the algorithm is the configured one, never the token's
 * choice ({@code none} and every other are refused), the key is the configured one, {@code exp} and {@code nbf} are
 * enforced (a minute of clock skew). Both generations of tokens are read ({@link TokenClaims}):
 *
 * <ul>
 *   <li>Mercure 1.0 (RFC 9068 access tokens, {@code typ: at+jwt}): must expire, must name the hub's resource
 *       identifier in {@code aud} when one is configured, and grant by {@code authorization_details};
 *   <li>Mercure 0.x ({@code typ: JWT}, or none): grant by the {@code mercure} claim's {@code publish} and {@code
 *       subscribe} lists; {@code exp} is enforced when present, as 0.x hubs did.
 * </ul>
 *
 * Any failure is one {@link InvalidToken}, whose message says what, for the hub's log: the answer to the client is
 * the same {@code 401 invalid_token} whatever the cause, as the protocol asks.
 *
 * <pre>{@code
 * var publishers = TokenVerifier.of("HS256", System.getenv("MERCURE_PUBLISHER_JWT_KEY"), null);
 * Grants grants = publishers.verify(bearerToken);
 * }</pre>
 */
final class TokenVerifier {
    private static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");

    private final DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
    private final @Nullable String resource;
    private final boolean weakSecret;

    private TokenVerifier(
            JWSAlgorithm algorithm, JWKSource<SecurityContext> keys, @Nullable String resource, boolean weakSecret) {
        this.resource = resource;
        this.weakSecret = weakSecret;
        processor.setJWSVerifierFactory(new ShortSecretVerifiers());
        processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(ACCESS_TOKEN, JOSEObjectType.JWT, null));
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(algorithm, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(null, null)); // exp, nbf when present
    }

    /**
     * A verifier for tokens signed with {@code algorithm} ({@code HS256}, {@code HS384}, {@code HS512}: {@code key} is
     * the shared secret; {@code RS256}…, {@code ES256}…: {@code key} is the PEM of the public key, {@code -----BEGIN
     * PUBLIC KEY-----}), and {@code resource} the hub's resource identifier that a 1.0 token's {@code aud} must name
     * (null: not checked).
     *
     * @throws IllegalArgumentException for an algorithm it does not know, or a key that is not one (a secret shorter
     *     than its algorithm's hash is taken, as the reference hub takes it, and said to be {@link #weakSecret})
     */
    static TokenVerifier of(TokenKeys keys, @Nullable String resource) {
        if (keys.jwks() == null) {
            return of(keys.algorithm(), keys.key(), resource);
        }
        JWSAlgorithm alg = JWSAlgorithm.parse(keys.algorithm());
        if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
            throw new IllegalArgumentException("A JWK Set publishes public keys: " + alg + " takes a shared secret");
        }
        try {
            // Nimbus fetches the set, caches it, refreshes it when a token names a key it does not have (rate-limited)
            JWKSource<SecurityContext> remote =
                    JWKSourceBuilder.create(keys.jwks().toURL()).build();
            return new TokenVerifier(alg, remote, resource, false);
        } catch (java.net.MalformedURLException notAUrl) {
            throw new IllegalArgumentException("Not a JWK Set URL: " + keys.jwks(), notAUrl);
        }
    }

    static TokenVerifier of(String algorithm, String key, @Nullable String resource) {
        JWSAlgorithm alg = JWSAlgorithm.parse(algorithm);
        if (JWSAlgorithm.Family.HMAC_SHA.contains(alg)) {
            byte[] secret = key.getBytes(StandardCharsets.UTF_8);
            if (secret.length == 0) {
                throw new IllegalArgumentException("An empty " + alg + " secret verifies nothing");
            }
            boolean weak = secret.length * 8 < ShortSecretVerifiers.bits(alg);
            return new TokenVerifier(alg, new ImmutableSecret<>(secret), resource, weak);
        }
        JWK jwk;
        if (JWSAlgorithm.Family.RSA.contains(alg)) {
            jwk = new RSAKey.Builder((RSAPublicKey) publicKey(key, "RSA")).build();
        } else if (JWSAlgorithm.Family.EC.contains(alg)) {
            ECPublicKey ec = (ECPublicKey) publicKey(key, "EC");
            jwk = new ECKey.Builder(Curve.forECParameterSpec(ec.getParams()), ec).build();
        } else {
            throw new IllegalArgumentException("A token algorithm the hub does not take: " + algorithm
                    + " (HS256, HS384, HS512, RS256, RS384, RS512, PS256…, ES256, ES384, ES512)");
        }
        return new TokenVerifier(alg, new ImmutableJWKSet<>(new JWKSet(jwk)), resource, false);
    }

    /**
     * Whether the secret is shorter than its algorithm's hash (RFC 7518, 3.2: at least 32 bytes for HS256), which
     * makes its tokens easier to forge by guessing it: the hub says so when it starts.
     */
    boolean weakSecret() {
        return weakSecret;
    }

    /** A public key from its PEM ({@code -----BEGIN PUBLIC KEY-----}, X.509 SubjectPublicKeyInfo). */
    private static PublicKey publicKey(String pem, String type) {
        String base64 = pem.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return KeyFactory.getInstance(type)
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (IllegalArgumentException | java.security.GeneralSecurityException notAKey) {
            throw new IllegalArgumentException(
                    "Not a PEM " + type + " public key (-----BEGIN PUBLIC KEY-----)", notAKey);
        }
    }

    /**
     * What the token grants, once it is verified.
     *
     * @throws InvalidToken if it is not a JWS of the configured algorithm and key, has expired or is not yet valid, is
     *     a 1.0 token without {@code exp} or for another resource, or grants in a form the protocol does not define
     */
    Grants verify(String token) {
        return verify(token, null);
    }

    /** {@link #verify(String)}, a relative URL pattern of its grants resolved against {@code origin} (the hub's). */
    Grants verify(String token, @Nullable String origin) {
        try {
            SignedJWT jwt = SignedJWT.parse(token);
            JWTClaimsSet claims = processor.process(jwt, null);
            boolean accessToken = ACCESS_TOKEN.equals(jwt.getHeader().getType());
            if (accessToken) {
                if (claims.getExpirationTime() == null) {
                    throw new InvalidToken("A Mercure 1.0 access token must expire (exp)");
                }
                if (resource != null && !claims.getAudience().contains(resource)) {
                    throw new InvalidToken("The token is not for this hub: its aud does not name " + resource);
                }
            }
            Map<String, Object> all = claims.getClaims();
            return new Grants(
                    accessToken ? TokenClaims.authorizationDetails(all, origin) : TokenClaims.legacy(all),
                    claims.getSubject(),
                    claims.getExpirationTime() == null
                            ? null
                            : claims.getExpirationTime().toInstant());
        } catch (InvalidToken invalid) {
            throw invalid;
        } catch (ParseException | com.nimbusds.jose.proc.BadJOSEException | com.nimbusds.jose.JOSEException bad) {
            throw new InvalidToken(bad.getMessage() == null ? bad.getClass().getSimpleName() : bad.getMessage());
        } catch (IllegalArgumentException | ClassCastException malformed) {
            throw new InvalidToken("The token's grants are malformed: " + malformed.getMessage());
        }
    }

    /** A token the hub refuses: answered {@code 401} with {@code error="invalid_token"}, the reason for the log. */
    static final class InvalidToken extends RuntimeException {
        private static final long serialVersionUID = 1L;

        InvalidToken(String reason) {
            super(reason, null, false, false);
        }
    }
}
