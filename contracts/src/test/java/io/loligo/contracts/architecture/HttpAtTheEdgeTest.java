package io.loligo.contracts.architecture;

import org.junit.jupiter.api.Test;

class HttpAtTheEdgeTest {

    @Test
    void onlyTheContractsEdgeSpeaksHttp() {
        HttpAtTheEdge.check("io.loligo.contracts");
    }
}
