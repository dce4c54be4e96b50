package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.cluster.BrokerClient;
import io.loligo.contracts.ceph.SecretOptions;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.FetchClusterMap;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.ClusterReport;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A configuration that reaches cluster-service with secrets in it (an agent older than its own redaction, or one
 * reading a daemon whose options hold them) is kept without them: no reader, of any role, is ever shown one.
 */
@QuarkusTest
class SecretConfigTest {
    private final List<CommandEnvelope> fetches = new CopyOnWriteArrayList<>();
    private BrokerClient agent;

    @BeforeEach
    void connect() throws Exception {
        agent = new BrokerClient();
    }

    @AfterEach
    void disconnect() {
        agent.close();
    }

    @Test
    void secret_options_are_withheld_from_the_map_the_options_and_the_events() throws Exception {
        String node = "config-" + UUID.randomUUID();
        String fsid = UUID.randomUUID().toString();
        String secret = "s3cr3t-" + UUID.randomUUID();
        agent.onCommands(node, fetches::add);
        ObjectNode config = JsonNodeFactory.instance.objectNode().put("osd_max_backfills", "1")
                .put("rgw_keystone_admin_password", secret).put("rgw_crypt_default_encryption_key", secret).put("key", secret);

        for (long version = 1; version <= 2; version++) {
            agent.heartbeat(new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, node, node + ".example.com", node, Instant.now(), 5,
                    Instant.now(), null, null, List.of(), List.of(new ClusterReport(fsid, "ceph", Map.of(ClusterMap.CONFIG, version))),
                    List.of(), agent.publicKey()));
            CommandEnvelope fetch = await().atMost(Duration.ofSeconds(10)).until(() -> fetches.stream().findFirst().filter(fetches::remove),
                    Optional::isPresent).orElseThrow();
            assertThat(((FetchClusterMap) fetch.command()).map()).isEqualTo(ClusterMap.CONFIG);
            agent.reply(node, CommandReply.withMap(fetch.commandId(), node, new CommandReply.MapContent(fsid, ClusterMap.CONFIG, version, config)));
            long expected = version;
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> given().get("/internal/v2/cluster/{fsid}/config/osd_max_backfills", fsid)
                    .then().statusCode(200).body("value", equalTo(String.valueOf(expected))));
            // the second copy changes the secrets and a plain option: an event, naming the plain one only
            config.put("osd_max_backfills", String.valueOf(version + 1)).put("rgw_keystone_admin_password", secret + "-changed");
        }

        given().get("/internal/v2/cluster/{fsid}/config/rgw_keystone_admin_password", fsid).then().body("value", equalTo(SecretOptions.REDACTED));
        for (String read : List.of("/internal/v2/cluster/{fsid}/sync_object/config", "/internal/v2/cluster/{fsid}/config",
                "/internal/v2/cluster/{fsid}/event?page_size=1000")) {
            assertThat(given().get(read, fsid).then().statusCode(200).extract().asString()).as(read).doesNotContain(secret);
        }
    }
}
