package io.loligo.gateway.kept;

import io.loligo.gateway.auth.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class UpstreamAnswersTest {

    @Test
    void anUpstreamAnswerPassedOnUnchangedIsSentAsTheBytesItCameAsWithTheirTag() {
        TestUsers.admin().request().get("/api/v3/test-upstream/passed-on").then().statusCode(200)
                .body(equalTo(UpstreamStandIn.ANSWER))
                .header("ETag", equalTo(ConditionalReads.tagOf(UpstreamStandIn.ANSWER.getBytes(StandardCharsets.UTF_8))));
    }

    @Test
    void anAnswerMadeFromAnUpstreamOneIsWrittenAsJson() {
        TestUsers.admin().request().get("/api/v3/test-upstream/changed").then().statusCode(200)
                .body(equalTo("{\"name\":\"upstream\",\"size\":2}"));
    }

    @Test
    void aCallersBodyWithAKeyTwiceIsStillRefused() {
        TestUsers.admin().request().body("{\"username\":\"a-user\",\"username\":\"b-user\",\"password\":\"long-enough-password\"}")
                .post("/api/v3/user").then().statusCode(400);
    }
}
