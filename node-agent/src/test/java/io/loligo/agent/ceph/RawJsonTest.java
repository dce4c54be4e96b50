package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class RawJsonTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void repliesAreJoinedIntoOneObjectAsTheyAre() throws IOException {
        byte[] status = getClass().getResourceAsStream("/ceph/status.json").readAllBytes();
        Map<String, byte[]> parts = new LinkedHashMap<>();
        parts.put("status", status);
        parts.put("list", "[1, 2]\n".getBytes(StandardCharsets.UTF_8));

        JsonNode joined = mapper.readTree(mapper.writeValueAsBytes(RawJson.object(parts)));

        assertThat(joined.path("status")).isEqualTo(mapper.readTree(status));
        assertThat(joined.path("list")).isEqualTo(mapper.readTree("[1,2]"));
        assertThat(RawJson.topLevelLong(status, "election_epoch")).hasValue(mapper.readTree(status).path("election_epoch").asLong());
        assertThat(RawJson.topLevelLong("{\"osdmap\":{\"epoch\":3}}".getBytes(StandardCharsets.UTF_8), "epoch")).isEmpty();
    }

    @Test
    void onlyTheKeptFieldsOfEachObjectRemain() throws IOException {
        byte[] metadata = "[{\"id\":0,\"hostname\":\"a\",\"noise\":{\"deep\":[1]}},{\"id\":1,\"noise\":\"x\"}]"
                .getBytes(StandardCharsets.UTF_8);

        byte[] kept = RawJson.keepFields(metadata, Set.of("id", "hostname"));

        assertThat(mapper.readTree(kept)).isEqualTo(mapper.readTree("[{\"id\":0,\"hostname\":\"a\"},{\"id\":1}]"));
    }
}
