package dev.spout.hub;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.spout.server.Spout;
import dev.spout.server.http.HttpResponse;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Publishers' keys from an identity provider's JWK Set at a URL: its key's tokens pass, another's do not. */
class HubJwksTest {

    static String signed(RSAKey key, JWTClaimsSet claims) throws Exception {
        var jwt = new SignedJWT(
                new JWSHeader.Builder(JWSAlgorithm.RS256)
                        .keyID(key.getKeyID())
                        .type(JOSEObjectType.JWT)
                        .build(),
                claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    @Test
    void aTokenSignedWithAKeyOfTheSetPublishesAndOneSignedWithAnotherDoesNot() throws Exception {
        RSAKey provider = new RSAKeyGenerator(2048).keyID("provider-1").generate();
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("provider-1").generate();
        String set = new JWKSet(provider.toPublicJWK()).toString();
        try (var identity = Spout.create();
                var http = HttpClient.newHttpClient()) {
            identity.get("/jwks.json", request -> HttpResponse.bytes(set.getBytes(), "application/jwk-set+json"));
            identity.start("127.0.0.1", 0);
            try (var app = Spout.create()) {
                MercureHub.mount(
                        app,
                        hub -> hub.publisherJwks("RS256", identity.uri("/jwks.json"))
                                .anonymous(true));
                app.start("127.0.0.1", 0);
                var claims = new JWTClaimsSet.Builder()
                        .claim("mercure", Map.of("publish", List.of("*")))
                        .build();
                for (var token : Map.of(signed(provider, claims), 200, signed(stranger, claims), 401)
                        .entrySet()) {
                    var answer = http.send(
                            HttpRequest.newBuilder(app.uri(MercureHub.PATH))
                                    .header("Authorization", "Bearer " + token.getKey())
                                    .header("Content-Type", "application/x-www-form-urlencoded")
                                    .POST(HttpRequest.BodyPublishers.ofString("topic=t&data=d"))
                                    .build(),
                            java.net.http.HttpResponse.BodyHandlers.ofString());
                    assertThat(answer.statusCode()).isEqualTo(token.getValue());
                }
            }
        }
    }
}
