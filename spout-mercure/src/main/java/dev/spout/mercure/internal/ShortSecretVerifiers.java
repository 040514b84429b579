package dev.spout.mercure.internal;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSVerifier;
import com.nimbusds.jose.crypto.factories.DefaultJWSVerifierFactory;
import com.nimbusds.jose.jca.JCAContext;
import com.nimbusds.jose.proc.JWSVerifierFactory;
import com.nimbusds.jose.util.Base64URL;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.MessageDigest;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Nimbus's verifiers, and an HMAC verifier of its own for a shared secret shorter than its algorithm's hash. Nimbus
 * refuses such secrets, as RFC 7518 (3.2) asks of a new deployment; but the Mercure reference hub takes them, and the
 * publishers of an existing deployment sign with the secret it was given: a hub that replaces it must verify their
 * tokens unchanged. Written here because no library verifies with a short secret on purpose. The hub says at start
 * that such a key is weak ({@link TokenVerifier#weakSecret}). A token with critical header parameters is refused, as
 * this verifier knows none.
 *
 * <pre>{@code
 * processor.setJWSVerifierFactory(new ShortSecretVerifiers());
 * }</pre>
 */
final class ShortSecretVerifiers implements JWSVerifierFactory {
    private static final Set<JWSAlgorithm> HMAC = Set.of(JWSAlgorithm.HS256, JWSAlgorithm.HS384, JWSAlgorithm.HS512);

    private final DefaultJWSVerifierFactory nimbus = new DefaultJWSVerifierFactory();

    @Override
    public JWSVerifier createJWSVerifier(JWSHeader header, Key key) throws JOSEException {
        JWSAlgorithm alg = header.getAlgorithm();
        if (HMAC.contains(alg) && key.getEncoded() != null && key.getEncoded().length * 8 < bits(alg)) {
            return new ShortSecretVerifier(key.getEncoded());
        }
        return nimbus.createJWSVerifier(header, key);
    }

    @Override
    public Set<JWSAlgorithm> supportedJWSAlgorithms() {
        return nimbus.supportedJWSAlgorithms();
    }

    @Override
    public JCAContext getJCAContext() {
        return nimbus.getJCAContext();
    }

    static int bits(JWSAlgorithm hmac) {
        return Integer.parseInt(hmac.getName().substring(2));
    }

    /** HMAC-SHA-2 of the signing input with the secret, compared in constant time. */
    private static final class ShortSecretVerifier implements JWSVerifier {
        private final byte[] secret;
        private final JCAContext context = new JCAContext();

        ShortSecretVerifier(byte[] secret) {
            this.secret = secret.clone();
        }

        @Override
        public boolean verify(JWSHeader header, byte[] signingInput, Base64URL signature) throws JOSEException {
            if (!HMAC.contains(header.getAlgorithm()) || header.getCriticalParams() != null) {
                return false;
            }
            String name = "HmacSHA" + bits(header.getAlgorithm());
            try {
                Mac mac = Mac.getInstance(name);
                mac.init(new SecretKeySpec(secret, name));
                return MessageDigest.isEqual(mac.doFinal(signingInput), signature.decode());
            } catch (GeneralSecurityException unavailable) {
                throw new JOSEException("HMAC " + name + " is unavailable: " + unavailable.getMessage(), unavailable);
            }
        }

        @Override
        public Set<JWSAlgorithm> supportedJWSAlgorithms() {
            return HMAC;
        }

        @Override
        public JCAContext getJCAContext() {
            return context;
        }
    }
}
