package io.loligo.cluster.alert;

import io.loligo.contracts.api.OsdApi;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** The alert API against the real database, as the gateway calls it: each kind found by its id, or named not found. */
@QuarkusTest
class AlertApiTest {
    @Test
    void a_rule_is_made_in_the_named_users_name_listed_and_removed_once() {
        Map<String, Object> form = Map.of("name", "ApiTestSlowApply", "measurement", "osd", "field", "apply_latency_ms", "comparison", ">",
                "threshold", 50, "description", "Look at the OSD's disk.");
        given().contentType(ContentType.JSON).body(Map.of("name", "ApiTestBad", "measurement", "nosuch", "field", "x", "comparison", ">",
                "threshold", 1, "description", "x")).post("/internal/v2/alert/rule").then().statusCode(400)
                .body("errors[0].field", equalTo("measurement"));
        int id = given().contentType(ContentType.JSON).header(OsdApi.REQUESTED_BY, "alice").body(form).post("/internal/v2/alert/rule")
                .then().statusCode(201).body("created_by", equalTo("alice")).body("window_seconds", equalTo(300)).extract().path("id");
        given().get("/internal/v2/alert/rule").then().statusCode(200).body("name", hasItem("ApiTestSlowApply"));
        given().delete("/internal/v2/alert/rule/{id}", id).then().statusCode(204);
        given().delete("/internal/v2/alert/rule/{id}", id).then().statusCode(404).body("reason", equalTo("RuleNotFound"));
        given().get("/internal/v2/alert/rule").then().statusCode(200).body("name", not(hasItem("ApiTestSlowApply")));
    }

    @Test
    void what_is_not_there_is_not_found_by_name_whatever_the_id_looks_like() {
        given().get("/internal/v2/alert/{id}", 987654321).then().statusCode(404).body("reason", equalTo("AlertNotFound"));
        given().get("/internal/v2/alert/{id}", "not-a-number").then().statusCode(404).body("reason", equalTo("AlertNotFound"));
        given().delete("/internal/v2/alert/silence/{id}", "not-a-uuid").then().statusCode(404).body("reason", equalTo("SilenceNotFound"));
        given().post("/internal/v2/alert/receiver/{id}/test", 987654321).then().statusCode(404).body("reason", equalTo("ReceiverNotFound"));
    }
}
