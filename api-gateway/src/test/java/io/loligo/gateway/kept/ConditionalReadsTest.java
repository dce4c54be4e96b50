package io.loligo.gateway.kept;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class ConditionalReadsTest {
    private static final String TAG = ConditionalReads.tagOf("{\"status\":\"HEALTH_OK\"}".getBytes(StandardCharsets.UTF_8));

    @Test
    void theTagIsTheSameForTheSameBytesAndDiffersForOthers() {
        assertThat(ConditionalReads.tagOf("{\"status\":\"HEALTH_OK\"}".getBytes(StandardCharsets.UTF_8))).isEqualTo(TAG);
        assertThat(ConditionalReads.tagOf("{\"status\":\"HEALTH_WARN\"}".getBytes(StandardCharsets.UTF_8))).isNotEqualTo(TAG);
        assertThat(TAG).startsWith("\"").endsWith("\"").hasSize(24);
    }

    @Test
    void ifNoneMatchComparesWeaklyAndTakesAListOrAnyTag() {
        assertThat(ConditionalReads.matches(TAG, TAG)).isTrue();
        assertThat(ConditionalReads.matches("W/" + TAG, TAG)).isTrue();
        assertThat(ConditionalReads.matches("\"other\", " + TAG, TAG)).isTrue();
        assertThat(ConditionalReads.matches("*", TAG)).isTrue();
        assertThat(ConditionalReads.matches("\"other\"", TAG)).isFalse();
        assertThat(ConditionalReads.matches(null, TAG)).isFalse();
        assertThat(ConditionalReads.matches(TAG.substring(1, TAG.length() - 1), TAG)).as("a tag without its quotes").isFalse();
    }
}
