package io.loligo.gateway.architecture;

import io.loligo.contracts.architecture.HttpAtTheEdge;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpAtTheEdgeTest {

    @Test
    void onlyRestClassesSpeakHttp() {
        assertThat(HttpAtTheEdge.violations("io.loligo.gateway")).isEmpty();
    }
}
