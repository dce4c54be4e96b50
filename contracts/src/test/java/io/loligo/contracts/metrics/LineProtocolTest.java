package io.loligo.contracts.metrics;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LineProtocolTest {

    @Test
    void writesSortedEscapedTagsAndFloatFields() {
        Map<String, Double> fields = new LinkedHashMap<>();
        fields.put("size", 1.0e12);
        fields.put("used", 5.0);
        fields.put("free", Double.NaN);

        LineProtocol lines = new LineProtocol().add(Measurement.FILESYSTEM, Map.of("mount", "/var/lib/my disk,1", "host", "vm"), fields, 1700000000);

        assertThat(lines).hasToString("filesystem,host=vm,mount=/var/lib/my\\ disk\\,1 size=1.0E12,used=5.0 1700000000\n");
        assertThat(lines.points()).isEqualTo(1);
    }

    @Test
    void aPointWithoutItsPresentFieldIsLeftOut() {
        LineProtocol lines = new LineProtocol().add(Measurement.LOAD, Map.of("host", "vm"), Map.of("load1", Double.NaN), 1)
                .add(Measurement.LOAD, Map.of("host", "vm"), Map.of("load5", 1.0), 1);

        assertThat(lines.isEmpty()).isTrue();
        assertThat(lines).hasToString("");
    }

    @Test
    void onlyTheCatalogsTagsAndFieldsAreWritten() {
        assertThatThrownBy(() -> new LineProtocol().add(Measurement.LOAD, Map.of("node", "vm"), Map.of("load1", 1.0), 1))
                .hasMessageContaining("[host]");
        assertThatThrownBy(() -> new LineProtocol().add(Measurement.LOAD, Map.of("host", "vm"), Map.of("load2", 1.0), 1))
                .hasMessageContaining("load2");
    }
}
