package io.loligo.gateway.kept;

import io.loligo.gateway.auth.TestUsers;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.hamcrest.Matchers.equalTo;

/**
 * That a caller's body with a key twice stays refused is {@code HostileInputTest}'s, which caught the lenient mapper
 * reaching the server when it was a global provider.
 */
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
}
