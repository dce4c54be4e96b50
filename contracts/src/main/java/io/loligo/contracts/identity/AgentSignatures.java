package io.loligo.contracts.identity;

import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.Map;

/**
 * How an agent proves that a heartbeat is its own: it signs the message's body with its Ed25519 key, and the
 * receiver checks the signature against the public key an administrator accepted. Both sides use this class.
 */
public final class AgentSignatures {
    /** The AMQP application property that carries a message's signature. */
    public static final String SIGNATURE_PROPERTY = "signature";
    private static final String ALGORITHM = "Ed25519";

    private AgentSignatures() {
    }

    public static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java 17 runtime has Ed25519", e);
        }
    }

    /** A public key as heartbeats carry it: its X.509 encoding in base64. */
    public static String encode(PublicKey key) {
        return Base64.getEncoder().encodeToString(key.getEncoded());
    }

    public static String sign(PrivateKey key, byte[] body) {
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(body);
            return Base64.getEncoder().encodeToString(signer.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot sign with the agent's key", e);
        }
    }

    /** The AMQP application properties that carry the signature of a message's body. */
    public static Map<String, Object> signatureProperties(PrivateKey key, byte[] body) {
        return Map.of(SIGNATURE_PROPERTY, sign(key, body));
    }

    /** Whether {@code signature} is the key's signature of {@code body}; false for anything malformed. */
    public static boolean verifies(String publicKey, byte[] body, String signature) {
        if (publicKey == null || signature == null) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(decode(publicKey));
            verifier.update(body);
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * What an administrator compares before accepting a key, as OpenSSH shows keys: {@code SHA256:} and the
     * digest of the key in base64. The agent logs the same at its start.
     */
    public static String fingerprint(String publicKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Base64.getDecoder().decode(publicKey));
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static PublicKey decode(String publicKey) throws GeneralSecurityException {
        return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(publicKey)));
    }
}
