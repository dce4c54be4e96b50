package io.loligo.contracts.bus;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MessageSenderTest {
    @Test
    void aMessageIsBelievedFromTheAgentItNamesOrFromTheServicesOnly() {
        assertThat(MessageSender.vouchesFor("ceph-1", "ceph-1", "guest")).isTrue();
        assertThat(MessageSender.vouchesFor("guest", "ceph-1", "guest")).isTrue();
        assertThat(MessageSender.vouchesFor("ceph-2", "ceph-1", "guest")).isFalse();
        // a message without user-id could come from anyone
        assertThat(MessageSender.vouchesFor(null, "ceph-1", "guest")).isFalse();
    }
}
