package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Each recorded {@code osd crush dump} against what {@code crushtool -d} wrote for the same map, byte for byte. */
class CrushMapTextTest {
    private final ObjectMapper mapper = new ObjectMapper();

    private String text(String name) throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/ceph/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theMapReadsAsCrushtoolWritesIt() throws IOException {
        assertThat(CrushMapText.of(mapper.readTree(getClass().getResource("/ceph/crush-dump.json"))))
                .isEqualTo(text("crush-map.txt"));
    }

    @Test
    void weightSetsReadAsCrushtoolWritesThem() throws IOException {
        assertThat(CrushMapText.of(mapper.readTree(getClass().getResource("/ceph/crush-dump-weight-set.json"))))
                .isEqualTo(text("crush-map-weight-set.txt"));
    }

    @Test
    void classRulesErasureRulesEmptyBucketsAndSeveralClassesReadAsCrushtoolWritesThem() throws IOException {
        assertThat(CrushMapText.of(mapper.readTree(getClass().getResource("/ceph/crush-dump-rules-and-classes.json"))))
                .isEqualTo(text("crush-map-rules-and-classes.txt"));
    }
}
