package io.loligo.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.gateway.auth.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Walks each version's OpenAPI document and calls every operation in it. */
@QuarkusTest
class OpenApiWalkTest {
    /** Open to everyone: logging in and out, and what the login page shows. */
    private static final Pattern PUBLIC = Pattern.compile("/api/v[123]/(auth/login|auth/logout|info)(\\{slash})?");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Set<String> MUTATIONS = Set.of("post", "put", "patch", "delete");

    /**
     * Without credentials every operation is a 401; as a read-only user every mutation is a 403, whether the role
     * is refused outright or the target is someone else's ({@code {id}} is 1, the first administrator).
     */
    @Test
    void every_operation_of_loligo_s_api_needs_a_login_and_every_mutation_a_role_above_read_only() throws Exception {
        TestUsers.Session reader = TestUsers.create("read-only").login();
        int[] counted = walk("/q/openapi", reader, (operation, anonymous, asReader) -> {
            assertThat(anonymous.statusCode()).as(operation).isEqualTo(401);
            assertThat(anonymous.contentType()).as(operation).startsWith("application/problem+json");
            if (asReader != null) {
                assertThat(asReader.statusCode()).as(operation + " as read-only").isEqualTo(403);
                assertThat(asReader.contentType()).as(operation).startsWith("application/problem+json");
                assertThat(asReader.jsonPath().getString("reason")).as(operation).isIn("RoleNotAllowed", "NotYourAccount");
            }
        });
        assertThat(counted[0]).as("operations in the document").isGreaterThan(70);
        assertThat(counted[1]).as("mutations in the document").isGreaterThan(20);
    }

    /**
     * Calamari's faces refuse as Django REST Framework did: a call without a session is a 403 saying that no
     * credentials came, and a mutation a read-only user may not make is a 403 with DRF's {@code detail}.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"/q/openapi-v1, 10", "/q/openapi-v2, 60"})
    void every_operation_of_calamari_s_faces_refuses_as_calamari_did(String document, int atLeast) throws Exception {
        TestUsers.Session reader = TestUsers.create("read-only").login();
        int[] counted = walk(document, reader, (operation, anonymous, asReader) -> {
            assertThat(anonymous.statusCode()).as(operation).isEqualTo(403);
            assertThat(anonymous.jsonPath().getString("detail")).as(operation).isEqualTo("Authentication credentials were not provided.");
            if (asReader != null) {
                assertThat(asReader.statusCode()).as(operation + " as read-only").isEqualTo(403);
                assertThat(asReader.jsonPath().getString("detail")).as(operation).isNotBlank();
            }
        });
        assertThat(counted[0]).as("operations in " + document).isGreaterThan(atLeast);
    }

    @Test
    void swagger_ui_is_served_and_lists_every_version() {
        given().get("/q/swagger-ui/").then().statusCode(200);
        for (String document : new String[]{"/q/openapi", "/q/openapi-v1", "/q/openapi-v2"}) {
            given().get(document).then().statusCode(200);
        }
    }

    private interface Check {
        void check(String operation, Response anonymous, Response asReader);
    }

    /** @return how many operations were called, and how many of them were mutations */
    private static int[] walk(String document, TestUsers.Session reader, Check check) throws Exception {
        JsonNode paths = new ObjectMapper().readTree(given().get(document + "?format=json").then().statusCode(200).extract().asString())
                .path("paths");
        int operations = 0;
        int mutations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> entries = paths.fields(); entries.hasNext(); ) {
            Map.Entry<String, JsonNode> path = entries.next();
            if (PUBLIC.matcher(path.getKey()).matches()) {
                continue;
            }
            String url = path.getKey().replace("{slash}", "").replace("{command}", "scrub").replaceAll("\\{[^}]+}", "1");
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (!METHODS.contains(method)) {
                    continue;
                }
                String operation = method.toUpperCase() + " " + path.getKey();
                Response anonymous = given().contentType(ContentType.JSON).body("{}").request(method.toUpperCase(), url);
                Response asReader = null;
                if (MUTATIONS.contains(method)) {
                    asReader = reader.request().body("{}").request(method.toUpperCase(), url);
                    mutations++;
                }
                check.check(operation, anonymous, asReader);
                operations++;
            }
        }
        return new int[]{operations, mutations};
    }
}
