package io.loligo.contracts.metrics;

import io.loligo.contracts.wire.WireCodec;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MetricBatchTest {

    @Test
    void smallBatchesTravelAsTextAndLargeOnesCompressed() {
        MetricBatch small = MetricBatch.of("vm", points(10));
        MetricBatch large = MetricBatch.of("vm", points(5000));

        assertThat(small.body().contentType()).isEqualTo(MetricBatch.CONTENT_TYPE);
        assertThat(large.body().contentType()).isEqualTo("application/gzip");
        assertThat(large.body().body().length).isLessThan(large.lines().length() / 4);
        for (MetricBatch batch : new MetricBatch[]{small, large}) {
            assertThat(MetricBatch.fromWire(batch.body().body(), batch.properties(), 1 << 20)).isEqualTo(batch);
        }
    }

    @Test
    void aMessageWithoutTheBatchPropertiesIsNotABatch() {
        WireCodec.WireMessage body = MetricBatch.of("vm", points(1)).body();

        assertThatThrownBy(() -> MetricBatch.fromWire(body.body(), Map.of("node_id", "vm"), 1 << 20)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("schema");
        assertThatThrownBy(() -> MetricBatch.fromWire(body.body(), Map.of("schema", 2, "node_id", "vm", "points", 1), 1 << 20))
                .hasMessageContaining("schema 2");
    }

    private static LineProtocol points(int count) {
        LineProtocol lines = new LineProtocol();
        for (int i = 0; i < count; i++) {
            lines.add(Measurement.LOAD, Map.of("host", "host-" + i % 7), Map.of("load1", i / 10.0), 1700000000L + i);
        }
        return lines;
    }
}
