package io.loligo.gateway.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    @Test
    void every_operation_but_logging_in_needs_a_logged_in_user() throws Exception {
        JsonNode document = new ObjectMapper().readTree(given().get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        int operations = 0;
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
                Response answer = given().contentType(ContentType.JSON).body("{}").request(method.toUpperCase(), url);
                assertThat(answer.statusCode()).as(method + " " + path.getKey()).isEqualTo(401);
                assertThat(answer.contentType()).as(method + " " + path.getKey()).startsWith("application/problem+json");
                operations++;
            }
        }
        assertThat(operations).as("operations in the document").isGreaterThan(60);
    }

    @Test
    void swagger_ui_is_served() {
        given().get("/q/swagger-ui/").then().statusCode(200);
    }
}
