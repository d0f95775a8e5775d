package id.qutab.identity.tokens;

import io.quarkus.runtime.Startup;
import io.smallrye.jwt.util.KeyUtils;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.RsaJsonWebKey;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.util.Optional;

/**
 * The RS256 key pair tokens are signed with, loaded once at start-up (a missing, unreadable, weak or
 * mismatched pair stops the service from starting), and the public half as a JWK set whose {@code kid}
 * (the RFC 7638 thumbprint) every access token carries.
 */
@Startup(100)
@ApplicationScoped
public class SigningKeys {

    private static final Logger LOG = Logger.getLogger(SigningKeys.class);
    private static final int MIN_BITS = 2048;

    @ConfigProperty(name = "smallrye.jwt.sign.key.location")
    Optional<String> privateKeyLocation;

    @Inject
    JwtConfig config;

    private PrivateKey privateKey;
    private String keyId;
    private String jwks;

    @PostConstruct
    void load() {
        if (config.accessTokenTtl().compareTo(Duration.ofMinutes(15)) > 0 || config.accessTokenTtl().isNegative()
                || config.accessTokenTtl().isZero()) {
            throw new IllegalStateException("qutab.jwt.access-token-ttl must be positive and at most 15 minutes");
        }
        RSAPublicKey publicKey;
        Optional<String> publicKeyLocation = config.publicKeyLocation().filter(s -> !s.isBlank());
        Optional<String> privateLocation = privateKeyLocation.filter(s -> !s.isBlank());
        try {
            if (privateLocation.isPresent() && publicKeyLocation.isPresent()) {
                // readKeyContent resolves a file path, file:, classpath: or http(s) location
                privateKey = KeyUtils.decodePrivateKey(KeyUtils.readKeyContent(privateLocation.get()));
                PublicKey read = KeyUtils.decodePublicKey(KeyUtils.readKeyContent(publicKeyLocation.get()));
                if (!(read instanceof RSAPublicKey rsa)) {
                    throw new IllegalStateException("the JWT public key must be an RSA key");
                }
                publicKey = rsa;
            } else if (privateLocation.isEmpty() && publicKeyLocation.isEmpty() && config.ephemeralKeys()) {
                KeyPair pair = KeyUtils.generateKeyPair(MIN_BITS);
                privateKey = pair.getPrivate();
                publicKey = (RSAPublicKey) pair.getPublic();
                LOG.warn("no JWT signing key configured: using a throw-away key pair (qutab.jwt.ephemeral-keys=true)");
            } else {
                throw new IllegalStateException("configure both smallrye.jwt.sign.key.location (private key PEM) "
                        + "and qutab.jwt.public-key-location (public key PEM)");
            }
            if (publicKey.getModulus().bitLength() < MIN_BITS) {
                throw new IllegalStateException("the JWT signing key must have at least " + MIN_BITS + " bits");
            }
            requireMatchingPair(privateKey, publicKey);
            RsaJsonWebKey jwk = new RsaJsonWebKey(publicKey);
            keyId = jwk.calculateBase64urlEncodedThumbprint("SHA-256");
            jwk.setKeyId(keyId);
            jwk.setUse("sig");
            jwk.setAlgorithm("RS256");
            jwks = new JsonWebKeySet(jwk).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
        } catch (java.io.IOException | GeneralSecurityException e) {
            throw new IllegalStateException("could not load the JWT signing keys (PEM, private key in PKCS#8): "
                    + e.getClass().getSimpleName(), e);
        }
        LOG.infof("JWT signing key %s loaded", keyId);
    }

    private static void requireMatchingPair(PrivateKey privateKey, PublicKey publicKey) throws GeneralSecurityException {
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(privateKey);
        signer.update(challenge);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(publicKey);
        verifier.update(challenge);
        if (!verifier.verify(signature)) {
            throw new IllegalStateException("the JWT private and public keys do not belong together");
        }
    }

    PrivateKey privateKey() {
        return privateKey;
    }

    public String keyId() {
        return keyId;
    }

    /** {@code {"keys":[{kty, kid, use, alg, n, e}]}}. */
    public String jwks() {
        return jwks;
    }
}
