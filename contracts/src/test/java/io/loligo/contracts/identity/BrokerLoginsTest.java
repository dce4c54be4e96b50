package io.loligo.contracts.identity;

import org.junit.jupiter.api.Test;

import java.security.KeyPair;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerLoginsTest {
    private final KeyPair key = AgentSignatures.newKeyPair();
    private final String publicKey = AgentSignatures.encode(key.getPublic());

    @Test
    void aPasswordProvesTheKeyForTheNameItWasMadeForOnly() {
        String password = BrokerLogins.password("ceph-1", publicKey, key.getPrivate());
        assertThat(BrokerLogins.provenKey("ceph-1", password)).contains(publicKey);
        assertThat(BrokerLogins.provenKey("ceph-2", password)).isEmpty();
    }

    @Test
    void aPasswordMadeWithAnotherKeyOrMangledProvesNothing() {
        String otherKey = AgentSignatures.encode(AgentSignatures.newKeyPair().getPublic());
        String signature = BrokerLogins.password("ceph-1", publicKey, key.getPrivate()).split(":")[1];
        assertThat(BrokerLogins.provenKey("ceph-1", otherKey + ":" + signature)).isEmpty();
        assertThat(BrokerLogins.provenKey("ceph-1", publicKey)).isEmpty();
        assertThat(BrokerLogins.provenKey("ceph-1", "")).isEmpty();
        assertThat(BrokerLogins.provenKey("ceph-1", "guest")).isEmpty();
        assertThat(BrokerLogins.provenKey("ceph-1", "not:base64!")).isEmpty();
        assertThat(BrokerLogins.provenKey("", BrokerLogins.password("", publicKey, key.getPrivate()))).isEmpty();
        assertThat(BrokerLogins.provenKey(null, null)).isEmpty();
    }
}
