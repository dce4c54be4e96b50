package io.loligo.gateway.console;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class ConsoleRoutesTest {
    /** A link into the console, or a reload, gets the app's page, which shows the place the URL names. */
    @Test
    void every_console_path_is_answered_with_the_app() {
        for (String path : new String[] {"/", "/ui", "/ui/", "/ui/cluster/1caf920d-2ecd-4644-b155-ffc2ffff92e8/osd?page=2", "/ui/admin"}) {
            given().get(path).then().statusCode(200).contentType(containsString("text/html"))
                    .body(containsString("<div id=\"app\">"));
        }
    }

    @Test
    void the_api_stays_the_api_and_the_console_stays_out_of_its_document() {
        given().get("/api/v3/cluster").then().statusCode(401).contentType(containsString("application/problem+json"));
        given().get("/uix").then().statusCode(404);
        given().get("/q/openapi?format=json").then().statusCode(200).body(not(containsString("\"/ui")));
    }

    @Test
    void the_consoles_pages_refuse_framing_sniffing_and_foreign_scripts() {
        for (String path : new String[] {"/", "/ui/admin", "/index.html"}) {
            given().get(path).then().statusCode(200).header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("X-Frame-Options", "DENY").header("X-Content-Type-Options", "nosniff");
        }
        given().get("/api/v3/info").then().statusCode(200).header("X-Frame-Options", "DENY")
                .header("X-Content-Type-Options", "nosniff").header("Content-Security-Policy", org.hamcrest.Matchers.nullValue());
    }
}
