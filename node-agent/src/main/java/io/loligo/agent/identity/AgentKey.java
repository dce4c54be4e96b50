package io.loligo.agent.identity;

import io.loligo.agent.config.AgentConfig;
import io.loligo.contracts.identity.AgentSignatures;
import io.loligo.contracts.identity.BrokerLogins;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;

/**
 * The agent's own key, which an administrator accepts before cluster-service trusts its heartbeats (Calamari's
 * salt-key model). Made at first start and kept in the state directory, readable by the agent only; without a
 * state directory, each start makes a new key, to be accepted again.
 */
@Startup
@ApplicationScoped
public class AgentKey {
    static final String PRIVATE_KEY_FILE = "agent-key";

    private final PrivateKey privateKey;
    private final String publicKey;

    @Inject
    public AgentKey(AgentConfig config) {
        KeyPair pair = config.stateDir().map(dir -> loadOrCreate(dir.resolve(PRIVATE_KEY_FILE))).orElseGet(AgentSignatures::newKeyPair);
        this.privateKey = pair.getPrivate();
        this.publicKey = AgentSignatures.encode(pair.getPublic());
        Log.infof("agent key %s: an administrator accepts it under /api/v3/key before this agent is trusted",
                AgentSignatures.fingerprint(publicKey));
    }

    /** The public key, as heartbeats carry it. */
    public String publicKey() {
        return publicKey;
    }

    /** The AMQP application properties that prove a message's body is this agent's. */
    public Map<String, Object> signatureProperties(byte[] body) {
        return AgentSignatures.signatureProperties(privateKey, body);
    }

    /** The password that proves this key to the broker, for the given user name. */
    public String brokerPassword(String username) {
        return BrokerLogins.password(username, publicKey, privateKey);
    }

    private static KeyPair loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                KeyFactory factory = KeyFactory.getInstance("Ed25519");
                PrivateKey key = factory.generatePrivate(new PKCS8EncodedKeySpec(Files.readAllBytes(file)));
                PublicKey pub = AgentSignatures.decode(Files.readString(file.resolveSibling(PRIVATE_KEY_FILE + ".pub")).strip());
                return new KeyPair(pub, key);
            }
            KeyPair pair = AgentSignatures.newKeyPair();
            Files.createDirectories(file.getParent());
            Files.write(Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))),
                    pair.getPrivate().getEncoded());
            Files.writeString(file.resolveSibling(PRIVATE_KEY_FILE + ".pub"), AgentSignatures.encode(pair.getPublic()) + "\n");
            Log.infof("made a new agent key in %s", file);
            return pair;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or write the agent key " + file, e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the agent key in " + file + " is not an Ed25519 key; remove it to make a new one", e);
        }
    }
}
