package io.loligo.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.gateway.auth.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Walks the OpenAPI document and calls every operation in it. */
@QuarkusTest
class OpenApiWalkTest {
    /** Open to everyone: logging in and out, and what the login page shows. */
    private static final Set<String> PUBLIC = Set.of("/api/v2/auth/login", "/api/v2/auth/logout", "/api/v2/info");
    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final Set<String> MUTATIONS = Set.of("post", "put", "patch", "delete");

    /**
     * Without credentials every operation is a 401; as a read-only user every mutation is a 403, whether the role
     * is refused outright or the target is someone else's ({@code {id}} is 1, the first administrator).
     */
    @Test
    void every_operation_needs_a_login_and_every_mutation_a_role_above_read_only() throws Exception {
        TestUsers.Session reader = TestUsers.create("read-only").login();
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        int operations = 0;
        int mutations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (PUBLIC.contains(path.getKey())) {
                continue;
            }
            String url = path.getKey().replaceAll("\\{[^}]+}", "1");
            for (Iterator<String> methods = path.getValue().fieldNames(); methods.hasNext(); ) {
                String method = methods.next();
                if (!METHODS.contains(method)) {
                    continue;
                }
                String operation = method.toUpperCase() + " " + path.getKey();
                Response anonymous = given().contentType(ContentType.JSON).body("{}").request(method.toUpperCase(), url);
                assertThat(anonymous.statusCode()).as(operation).isEqualTo(401);
                assertThat(anonymous.contentType()).as(operation).startsWith("application/problem+json");
                operations++;
                if (MUTATIONS.contains(method)) {
                    Response asReader = reader.request().body("{}").request(method.toUpperCase(), url);
                    assertThat(asReader.statusCode()).as(operation + " as read-only").isEqualTo(403);
                    assertThat(asReader.contentType()).as(operation).startsWith("application/problem+json");
                    assertThat(asReader.jsonPath().getString("reason")).as(operation).isIn("RoleNotAllowed", "NotYourAccount");
                    mutations++;
                }
            }
        }
        assertThat(operations).as("operations in the document").isGreaterThan(70);
        assertThat(mutations).as("mutations in the document").isGreaterThan(20);
    }

    @Test
    void swagger_ui_is_served() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
