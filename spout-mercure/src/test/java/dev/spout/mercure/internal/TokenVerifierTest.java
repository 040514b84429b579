package dev.spout.mercure.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tokens of both generations, signed for real: what each grants, and each refusal (another key, another algorithm,
 * none, expired, a 1.0 token without exp or for another hub, grants the protocol does not define).
 */
class TokenVerifierTest {
    static final String SECRET = "!ChangeThisMercureHubJWTSecretKey!";
    static final String HUB = "https://hub.example.com/.well-known/mercure";
    static final JOSEObjectType ACCESS_TOKEN = new JOSEObjectType("at+jwt");

    static String sign(JWSAlgorithm alg, JWSSigner signer, JOSEObjectType type, JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(new JWSHeader.Builder(alg).type(type).build(), claims);
        jwt.sign(signer);
        return jwt.serialize();
    }

    static String hs256(JOSEObjectType type, JWTClaimsSet claims) throws Exception {
        return sign(JWSAlgorithm.HS256, new MACSigner(SECRET.getBytes(StandardCharsets.UTF_8)), type, claims);
    }

    static Date inAnHour() {
        return Date.from(Instant.now().plusSeconds(3600));
    }

    static Map<String, Object> detail(List<String> actions, List<Map<String, Object>> topics) {
        return Map.of("type", "mercure", "actions", actions, "topics", topics);
    }

    @Test
    void aMercure0xTokenGrantsByItsMercureClaim() throws Exception {
        String token = hs256(
                JOSEObjectType.JWT,
                new JWTClaimsSet.Builder()
                        .claim(
                                "mercure",
                                Map.of(
                                        "publish", List.of("https://example.com/books/{id}"),
                                        "subscribe", List.of("https://example.com/users/ann"),
                                        "payload", Map.of("user", "ann")))
                        .build());
        Grants grants = TokenVerifier.of("HS256", SECRET, null).verify(token);
        assertThat(grants.mayPublish(List.of("https://example.com/books/1"))).isTrue();
        assertThat(grants.mayPublish(List.of("https://example.com/books/1", "https://example.com/authors/1")))
                .as("every topic of an update, alternates too")
                .isFalse();
        assertThat(grants.maySubscribe(List.of("https://example.com/users/ann")))
                .isTrue();
        assertThat(grants.maySubscribe(List.of("https://example.com/users/bob")))
                .isFalse();
        assertThat(grants.maySubscribe(List.of("https://example.com/users/bob", "https://example.com/users/ann")))
                .as("one granted topic of an update's")
                .isTrue();
        assertThat(grants.expires()).isNull();
    }

    @Test
    void aMercure1AccessTokenGrantsByItsAuthorizationDetails() throws Exception {
        String token = hs256(
                ACCESS_TOKEN,
                new JWTClaimsSet.Builder()
                        .subject("urn:user:ann")
                        .audience(HUB)
                        .expirationTime(inAnHour())
                        .claim(
                                "authorization_details",
                                List.of(
                                        detail(
                                                List.of("subscribe"),
                                                List.of(Map.of("match", "https://example.com/books/1"))),
                                        Map.of("type", "another-api", "actions", List.of("fly")),
                                        detail(
                                                List.of("publish"),
                                                List.of(Map.of("match", "*", "matchType", "URLPattern"))),
                                        detail(
                                                List.of("subscribe"),
                                                List.of(Map.of(
                                                        "match",
                                                        "https://example.com/authors/:id",
                                                        "matchType",
                                                        "URLPattern")))))
                        .build());
        Grants grants = TokenVerifier.of("HS256", SECRET, HUB).verify(token);
        assertThat(grants.subject()).isEqualTo("urn:user:ann");
        assertThat(grants.expires()).isAfter(Instant.now());
        assertThat(grants.maySubscribe(List.of("https://example.com/books/1"))).isTrue();
        assertThat(grants.maySubscribe(List.of("https://example.com/books/2"))).isFalse();
        assertThat(grants.mayPublish(List.of("anything at all")))
                .as("* whatever the matchType")
                .isTrue();
        assertThat(grants.maySubscribe(List.of("https://example.com/authors/7")))
                .as("a URL pattern grant")
                .isTrue();
        assertThat(grants.maySubscribe(List.of("https://EXAMPLE.com:443/authors/7?lang=en")))
                .as("the topic's components, as a URL parser reads them")
                .isTrue();
        assertThat(grants.maySubscribe(List.of("https://example.com/authors/7/books")))
                .isFalse();
        assertThat(grants.maySubscribe(List.of("urn:example:authors:7"))).isFalse();
    }

    @Test
    void aTokenWithAUrlPatternTheStandardRefusesIsRefusedSayingWhy() throws Exception {
        var verifier = TokenVerifier.of("HS256", SECRET, null);
        Map<String, String> reasons = Map.of(
                "/authors/:id", "A relative URL pattern",
                "https://example.com/(\\d+", "A regexp group without its ')' at index 20",
                "https://example.com/:id/:id", "A second group named 'id'");
        for (var bad : reasons.entrySet()) {
            String token = hs256(
                    ACCESS_TOKEN,
                    new JWTClaimsSet.Builder()
                            .expirationTime(inAnHour())
                            .claim(
                                    "authorization_details",
                                    List.of(detail(
                                            List.of("subscribe"),
                                            List.of(Map.of("match", bad.getKey(), "matchType", "URLPattern")))))
                            .build());
            assertThatThrownBy(() -> verifier.verify(token))
                    .as(bad.getKey())
                    .isInstanceOf(TokenVerifier.InvalidToken.class)
                    .hasMessageContaining(bad.getValue());
        }
    }

    @Test
    void rsaAndEcKeysVerifyTheirTokens() throws Exception {
        KeyPair rsa = KeyPairGenerator.getInstance("RSA").generateKeyPair();
        var claims = new JWTClaimsSet.Builder()
                .claim("mercure", Map.of("subscribe", List.of("*")))
                .build();
        String rs256 = sign(JWSAlgorithm.RS256, new RSASSASigner(rsa.getPrivate()), JOSEObjectType.JWT, claims);
        assertThat(TokenVerifier.of("RS256", pem(rsa), null).verify(rs256).maySubscribe(List.of("t")))
                .isTrue();

        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair ec = generator.generateKeyPair();
        String es256 =
                sign(JWSAlgorithm.ES256, new ECDSASigner((ECPrivateKey) ec.getPrivate()), JOSEObjectType.JWT, claims);
        assertThat(TokenVerifier.of("ES256", pem(ec), null).verify(es256).maySubscribe(List.of("t")))
                .isTrue();
        assertThatThrownBy(() -> TokenVerifier.of("ES256", pem(ec), null).verify(rs256))
                .as("an RSA token where EC is configured")
                .isInstanceOf(TokenVerifier.InvalidToken.class);
    }

    @Test
    void everyTokenTheHubMustRefuseIsRefused() throws Exception {
        var verifier = TokenVerifier.of("HS256", SECRET, HUB);
        var legacy = new JWTClaimsSet.Builder()
                .claim("mercure", Map.of("publish", List.of("*")))
                .build();
        String otherKey = sign(
                JWSAlgorithm.HS256,
                new MACSigner("another key, long enough for HS256!".getBytes(StandardCharsets.UTF_8)),
                JOSEObjectType.JWT,
                legacy);
        String otherAlgorithm = sign(
                JWSAlgorithm.HS512,
                new MACSigner((SECRET + SECRET).getBytes(StandardCharsets.UTF_8)),
                JOSEObjectType.JWT,
                legacy);
        String unsigned = new PlainJWT(legacy).serialize();
        String expired = hs256(
                JOSEObjectType.JWT,
                new JWTClaimsSet.Builder()
                        .expirationTime(Date.from(Instant.now().minusSeconds(3600)))
                        .claim("mercure", Map.of("publish", List.of("*")))
                        .build());
        String notYet = hs256(
                JOSEObjectType.JWT,
                new JWTClaimsSet.Builder()
                        .notBeforeTime(inAnHour())
                        .claim("mercure", Map.of("publish", List.of("*")))
                        .build());
        String accessWithoutExp =
                hs256(ACCESS_TOKEN, new JWTClaimsSet.Builder().audience(HUB).build());
        String accessForAnotherHub = hs256(
                ACCESS_TOKEN,
                new JWTClaimsSet.Builder()
                        .audience("https://other.example/.well-known/mercure")
                        .expirationTime(inAnHour())
                        .build());
        String anIdToken = hs256(new JOSEObjectType("id+jwt"), legacy);
        for (String token : List.of(
                otherKey,
                otherAlgorithm,
                unsigned,
                expired,
                notYet,
                accessWithoutExp,
                accessForAnotherHub,
                anIdToken,
                "not.a.token",
                "")) {
            assertThatThrownBy(() -> verifier.verify(token)).as(token).isInstanceOf(TokenVerifier.InvalidToken.class);
        }
    }

    @Test
    void grantsTheProtocolDoesNotDefineRefuseTheWholeTokenButUnknownActionsAreIgnored() throws Exception {
        var verifier = TokenVerifier.of("HS256", SECRET, null);
        List<Object> bad = List.of(
                List.of(Map.of("type", "mercure", "actions", List.of(1), "topics", List.of(Map.of("match", "t")))),
                List.of(detail(List.of(), List.of(Map.of("match", "t")))),
                List.of(detail(List.of("publish"), List.of())),
                List.of(detail(List.of("publish"), List.of(Map.of("matchType", "Exact")))),
                List.of(detail(List.of("publish"), List.of(Map.of("match", "t", "matchType", "Regex")))),
                List.of(detail(List.of("publish"), List.of(Map.of("match", "t", "match_type", "regex")))),
                List.of(detail(List.of("publish"), List.of(Map.of("match", "a\u0001b")))),
                List.of(
                        detail(List.of("subscribe"), List.of(Map.of("match", "fine"))),
                        detail(
                                List.of("publish"),
                                List.of(Map.of("match", "relative/:id", "matchType", "URLPattern")))),
                List.of("not an object"));
        for (Object details : bad) {
            String token = hs256(
                    ACCESS_TOKEN,
                    new JWTClaimsSet.Builder()
                            .expirationTime(inAnHour())
                            .claim("authorization_details", details)
                            .build());
            assertThatThrownBy(() -> verifier.verify(token))
                    .as("%s", details)
                    .isInstanceOf(TokenVerifier.InvalidToken.class);
        }
        // an action the protocol does not define is ignored, not refused (the specification says so): what else the
        // detail grants stands; the specification's match_type spelling and detail type are read
        String flying = hs256(
                ACCESS_TOKEN,
                new JWTClaimsSet.Builder()
                        .expirationTime(inAnHour())
                        .claim(
                                "authorization_details",
                                List.of(Map.of(
                                        "type", "https://mercure.rocks/authorization-detail",
                                        "actions", List.of("fly", "publish"),
                                        "topics",
                                                List.of(Map.of(
                                                        "match",
                                                        "https://example.com/:id",
                                                        "match_type",
                                                        "urlpattern")))))
                        .build());
        Grants grants = verifier.verify(flying);
        assertThat(grants.mayPublish(List.of("https://example.com/1"))).isTrue();
        assertThat(grants.maySubscribe(List.of("https://example.com/1"))).isFalse();
        String legacyBad = hs256(
                JOSEObjectType.JWT,
                new JWTClaimsSet.Builder()
                        .claim("mercure", Map.of("subscribe", "not a list"))
                        .build());
        assertThatThrownBy(() -> verifier.verify(legacyBad)).isInstanceOf(TokenVerifier.InvalidToken.class);
    }

    /**
     * A secret shorter than HS256's hash, as deployments of the reference hub use ("K"): its publishers' tokens
     * verify unchanged, the verifier says the secret is weak, and another secret's token is still refused.
     */
    @Test
    void aShortSecretStillVerifiesItsOwnTokensOnly() throws Exception {
        var weak = TokenVerifier.of("HS256", "K", null);
        assertThat(weak.weakSecret()).isTrue();
        assertThat(TokenVerifier.of("HS256", SECRET, null).weakSecret()).isFalse();
        String payload = "{\"mercure\":{\"publish\":[\"*\"]}}";
        assertThat(weak.verify(hmac("K", "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload))
                        .mayPublish(List.of("t")))
                .isTrue();
        assertThatThrownBy(() -> weak.verify(hmac("L", "{\"alg\":\"HS256\",\"typ\":\"JWT\"}", payload)))
                .isInstanceOf(TokenVerifier.InvalidToken.class);
        assertThatThrownBy(() -> weak.verify(hmac("K", "{\"alg\":\"HS256\",\"crit\":[\"x\"],\"x\":1}", payload)))
                .as("critical parameters it does not know")
                .isInstanceOf(TokenVerifier.InvalidToken.class);
    }

    @Test
    void whatIsNoKeyIsRefusedAtStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> TokenVerifier.of("HS256", "", null));
        assertThatIllegalArgumentException().isThrownBy(() -> TokenVerifier.of("none", SECRET, null));
        assertThatIllegalArgumentException().isThrownBy(() -> TokenVerifier.of("RS256", "not a pem", null));
    }

    /** A compact JWS signed with HMAC-SHA-256 by hand: Nimbus will not sign with a short secret. */
    static String hmac(String secret, String header, String payload) throws Exception {
        var b64 = Base64.getUrlEncoder().withoutPadding();
        String input = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(payload.getBytes(StandardCharsets.UTF_8));
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    static String pem(KeyPair pair) {
        return "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder().encodeToString(pair.getPublic().getEncoded())
                + "\n-----END PUBLIC KEY-----\n";
    }
}
