package dev.spout.hub;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;

/** Tokens for the hub's tests, signed for real with Nimbus: 0.x's mercure claim, 1.0's access tokens. */
final class Tokens {
    static final String PUBLISHER_KEY = "!ChangeThisMercureHubJWTSecretKey!";
    static final String SUBSCRIBER_KEY = "!ChangeThisSubscriberJWTSecretKey!";

    private Tokens() {}

    /** A Mercure 0.x token: {@code {"mercure": {"publish": [...], "subscribe": [...]}}}. */
    static String legacy(String key, List<String> publish, List<String> subscribe) {
        return sign(
                key,
                JOSEObjectType.JWT,
                new JWTClaimsSet.Builder()
                        .claim("mercure", Map.of("publish", publish, "subscribe", subscribe))
                        .build());
    }

    /** A Mercure 1.0 access token with one authorization detail. */
    static String accessToken(String key, List<String> actions, List<Map<String, Object>> topics, Instant expires) {
        return sign(
                key,
                new JOSEObjectType("at+jwt"),
                new JWTClaimsSet.Builder()
                        .subject("ann")
                        .expirationTime(Date.from(expires))
                        .claim(
                                "authorization_details",
                                List.of(Map.of("type", "mercure", "actions", actions, "topics", topics)))
                        .build());
    }

    /** Publishes a URL-encoded form to the hub with a token that may publish anywhere; returns the update's id. */
    static String publish(java.net.URI hub, String form) throws Exception {
        try (var http = java.net.http.HttpClient.newHttpClient()) {
            var answer = http.send(
                    java.net.http.HttpRequest.newBuilder(hub)
                            .header("Authorization", "Bearer " + legacy(PUBLISHER_KEY, List.of("*"), List.of()))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(java.net.http.HttpRequest.BodyPublishers.ofString(form))
                            .build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new AssertionError(
                        "publishing " + form + " answered " + answer.statusCode() + ": " + answer.body());
            }
            return answer.body();
        }
    }

    static String sign(String key, JOSEObjectType type, JWTClaimsSet claims) {
        try {
            var jwt = new SignedJWT(
                    new JWSHeader.Builder(JWSAlgorithm.HS256).type(type).build(), claims);
            jwt.sign(new MACSigner(key.getBytes(StandardCharsets.UTF_8)));
            return jwt.serialize();
        } catch (com.nimbusds.jose.JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
