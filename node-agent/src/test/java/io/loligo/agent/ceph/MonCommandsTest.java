package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Which commands the mgr serves, from a real Pacific cluster's own command table. */
class MonCommandsTest {
    @Test
    void theMgrsCommandsAreThoseCephFlagsAsTheMgrs() throws IOException {
        Set<String> served = MonCommands.mgrServed(new ObjectMapper().readTree(getClass().getResource("/ceph/command-descriptions.json")));

        assertThat(served).contains("pg stat", "pg dump", "pg ls", "osd pool stats", "osd perf", "osd df", "pg deep-scrub", "osd scrub");
        assertThat(served).doesNotContain("status", "health", "df", "osd dump", "osd out", "osd pool create", "osd pool set-quota",
                "quorum_status", "config log");
    }
}
