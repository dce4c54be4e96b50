package io.loligo.contracts.identity;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Optional;

/**
 * How an agent logs in to the broker with nothing but its own key. Its user name is its node id. Its password is
 * its public key and its signature of the user name, which cluster-service checks when the broker asks it (RabbitMQ's
 * HTTP auth backend). No password is handed out or stored, and rejecting or deleting the key is all it takes to
 * shut the agent out.
 */
public final class BrokerLogins {
    private static final String SEPARATOR = ":";

    private BrokerLogins() {
    }

    public static String password(String username, String publicKey, PrivateKey privateKey) {
        return publicKey + SEPARATOR + AgentSignatures.sign(privateKey, signed(username));
    }

    /** The public key a password proves the holder of, for this user name; empty when it proves nothing. */
    public static Optional<String> provenKey(String username, String password) {
        if (username == null || username.isEmpty() || password == null) {
            return Optional.empty();
        }
        int separator = password.indexOf(SEPARATOR);
        if (separator < 0) {
            return Optional.empty();
        }
        String publicKey = password.substring(0, separator);
        return AgentSignatures.verifies(publicKey, signed(username), password.substring(separator + 1))
                ? Optional.of(publicKey) : Optional.empty();
    }

    private static byte[] signed(String username) {
        return ("loligo broker login\n" + username).getBytes(StandardCharsets.UTF_8);
    }
}
