package io.loligo.contracts.identity;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;

class AgentSignaturesTest {
    private static final byte[] BODY = "{\"nodeId\":\"ceph1\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void a_signature_verifies_with_its_own_key_only_and_for_its_own_body_only() {
        KeyPair agent = AgentSignatures.newKeyPair();
        KeyPair other = AgentSignatures.newKeyPair();
        String key = AgentSignatures.encode(agent.getPublic());
        String signature = AgentSignatures.sign(agent.getPrivate(), BODY);

        assertThat(AgentSignatures.verifies(key, BODY, signature)).isTrue();
        assertThat(AgentSignatures.verifies(AgentSignatures.encode(other.getPublic()), BODY, signature)).isFalse();
        assertThat(AgentSignatures.verifies(key, "{\"nodeId\":\"ceph2\"}".getBytes(StandardCharsets.UTF_8), signature)).isFalse();
        assertThat(AgentSignatures.verifies(key, BODY, AgentSignatures.sign(other.getPrivate(), BODY))).isFalse();
    }

    @Test
    void malformed_keys_and_signatures_do_not_verify_and_do_not_throw() {
        assertThat(AgentSignatures.verifies("not base64!", BODY, "AAAA")).isFalse();
        assertThat(AgentSignatures.verifies("AAAA", BODY, "AAAA")).isFalse();
        assertThat(AgentSignatures.verifies(null, BODY, "AAAA")).isFalse();
        assertThat(AgentSignatures.verifies("AAAA", BODY, null)).isFalse();
    }

    @Test
    void a_fingerprint_is_stable_and_differs_between_keys() {
        String key = AgentSignatures.encode(AgentSignatures.newKeyPair().getPublic());
        assertThat(AgentSignatures.fingerprint(key)).startsWith("SHA256:").hasSize(50).isEqualTo(AgentSignatures.fingerprint(key));
        assertThat(AgentSignatures.fingerprint(AgentSignatures.encode(AgentSignatures.newKeyPair().getPublic())))
                .isNotEqualTo(AgentSignatures.fingerprint(key));
    }
}
