package io.loligo.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.loligo.contracts.api.OsdApi;
import io.loligo.contracts.identity.ServiceTokens;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each API version's OpenAPI document is a public contract, committed under {@code docs/openapi/}: the document the
 * gateway serves may add to it, never take from it. The served documents are written to {@code target/openapi/},
 * from where {@code ./dev/loligo openapi} commits them after a deliberate change.
 */
@QuarkusTest
class OpenApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    @ParameterizedTest(name = "{0}")
    @CsvSource({"v3, /q/openapi", "v2, /q/openapi-v2", "v1, /q/openapi-v1"})
    void the_served_document_keeps_everything_the_committed_one_promises(String version, String path) throws Exception {
        JsonNode served = JSON.readTree(given().get(path + "?format=json").then().statusCode(200).extract().asString());
        Path written = Path.of("target/openapi/" + version + ".json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, JSON.writeValueAsString(JSON.treeToValue(served, Object.class)));

        if (Boolean.getBoolean("loligo.openapi.accept")) {
            return; // ./dev/loligo openapi: the served document becomes the contract
        }
        Path committed = Path.of("../docs/openapi/" + version + ".json");
        assertThat(committed).as("the committed %s document (./dev/loligo openapi writes it)", version).exists();
        List<String> breaks = OpenApiCompatibility.breaks(JSON.readTree(committed.toFile()), served);
        assertThat(breaks).as("incompatible changes to the %s API against %s", version, committed).isEmpty();
    }

    /** The headers in which the gateway names the user and signs its calls to the other services are theirs alone. */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"v3, /q/openapi", "v2, /q/openapi-v2", "v1, /q/openapi-v1"})
    void no_header_between_the_services_is_in_the_public_document(String version, String path) {
        String served = given().get(path + "?format=json").then().statusCode(200).extract().asString();
        assertThat(served).as("the %s document", version).doesNotContain(OsdApi.REQUESTED_BY).doesNotContain(ServiceTokens.HEADER);
    }
}
