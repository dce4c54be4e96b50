package io.loligo.metrics.influx;

import io.quarkus.test.junit.QuarkusTest;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Against the real InfluxDB 1.6.7 that dev/ starts. */
@QuarkusTest
class InfluxReadinessTest {

    @Test
    void ready_once_influxdb_answers_and_holds_the_database() throws Exception {
        // a freshly started InfluxDB refuses to create databases for a moment; readiness waits for it
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItem("influxdb"))
                .body("checks.find { it.name == 'influxdb' }.data.version", equalTo("1.6.7~rc0")));

        assertThat(influx("SHOW DATABASES")).contains("\"loligo_test\"");
    }

    @Test
    void raw_points_and_two_rollups_are_kept_for_their_configured_times() throws Exception {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().get("/q/health/ready").then().statusCode(200));

        // InfluxDB writes 7 days as 168h0m0s
        assertThat(influx("SHOW RETENTION POLICIES ON \"loligo_test\"")).contains("[\"raw\",\"168h0m0s\"", "[\"rollup_5m\",\"2160h0m0s\"",
                "[\"rollup_1h\",\"17520h0m0s\"");
        assertThat(influx("SHOW CONTINUOUS QUERIES")).contains("loligo_rollup_5m", "GROUP BY time(5m), *", "loligo_rollup_1h",
                "GROUP BY time(1h), *");
    }

    private static String influx(String statement) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(ConfigProvider.getConfig().getValue("loligo.metrics.influx.url", String.class) + "/query?q="
                + URLEncoder.encode(statement, StandardCharsets.UTF_8))).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
