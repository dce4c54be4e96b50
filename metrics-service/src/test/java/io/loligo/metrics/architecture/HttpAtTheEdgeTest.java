package io.loligo.metrics.architecture;

import io.loligo.contracts.architecture.HttpAtTheEdge;
import org.junit.jupiter.api.Test;

class HttpAtTheEdgeTest {

    @Test
    void onlyRestClassesSpeakHttp() {
        HttpAtTheEdge.check("io.loligo.metrics");
    }
}
