package io.loligo.contracts.architecture;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import io.loligo.contracts.architecture.fixture.PoolDecisions;
import io.loligo.contracts.architecture.fixture.PoolResource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HttpAtTheEdgeTest {

    @Test
    void onlyTheContractsEdgeSpeaksHttp() {
        assertThat(HttpAtTheEdge.violations("io.loligo.contracts")).isEmpty();
    }

    @Test
    void domainCodeThatSpeaksHttpIsNamedAndAResourceIsNot() {
        assertThat(HttpAtTheEdge.violations(new ClassFileImporter().importClasses(PoolDecisions.class, PoolResource.class)))
                .isNotEmpty()
                .allSatisfy(violation -> assertThat(violation).contains(PoolDecisions.class.getName()).contains("NotFoundException"));
    }
}
