package io.loligo.agent.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.agent.CephCli;
import io.loligo.contracts.command.CommandEnvelope;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.FetchClusterMap;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpMessage;
import io.vertx.amqp.AmqpReceiverOptions;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Fetch commands over the real broker, answered from the real cluster; the ceph CLI is the reference. */
@QuarkusTest
class FetchCommandTest {
    private final WireCodec codec = new WireCodec();
    private final ObjectMapper mapper = new ObjectMapper();
    private final BlockingQueue<CommandReply> replies = new LinkedBlockingQueue<>();
    private Vertx vertx;
    private AmqpClient client;
    private AmqpConnection connection;

    @ConfigProperty(name = "loligo.agent.node-id")
    String nodeId;

    @BeforeEach
    void connect() throws Exception {
        vertx = Vertx.vertx();
        client = AmqpClient.create(vertx, new AmqpClientOptions().setHost("127.0.0.1").setPort(ConfigProvider.getConfig().getValue("amqp-port", Integer.class))
                .setUsername("guest").setPassword("guest"));
        connection = client.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        // stands in for cluster-service, which declares the durable replies queue
        connection.createReceiver("/queue/loligo-test.replies", new AmqpReceiverOptions().setDurable(true))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                .handler(message -> replies.add(codec.decode(message.bodyAsBinary().getBytes(), CommandReply.class)));
    }

    @AfterEach
    void disconnect() {
        client.close();
        vertx.close();
    }

    private CommandReply fetch(ClusterMap map) throws Exception {
        String fsid = CephCli.run("fsid");
        String commandId = UUID.randomUUID().toString();
        CommandEnvelope envelope = new CommandEnvelope(commandId, nodeId, Instant.now(), new FetchClusterMap(fsid, map));
        connection.createSender("/queue").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS)
                .sendWithAck(AmqpMessage.create().subject("loligo-test.cmd." + nodeId).durable(true)
                        .contentType("application/json").withBufferAsBody(Buffer.buffer(codec.encode(envelope))).build())
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        CommandReply reply;
        do {
            reply = replies.poll(20, TimeUnit.SECONDS);
            assertThat(reply).as("a reply to " + map).isNotNull();
        } while (!reply.commandId().equals(commandId));
        assertThat(reply.error()).isNull();
        assertThat(reply.nodeId()).isEqualTo(nodeId);
        assertThat(reply.map().fsid()).isEqualTo(fsid);
        return reply;
    }

    @Test
    void the_osd_map_arrives_with_its_epoch_and_every_osd() throws Exception {
        CommandReply reply = fetch(ClusterMap.OSD_MAP);
        JsonNode cli = mapper.readTree(CephCli.run("osd", "dump", "--format", "json"));

        assertThat(reply.map().version()).isEqualTo(cli.path("epoch").asLong());
        assertThat(reply.map().content().path("osd_dump").path("osds")).hasSize(cli.path("osds").size());
        assertThat(reply.map().content().path("osd_tree").path("nodes")).isNotEmpty();
        assertThat(reply.map().content().path("osd_metadata")).hasSize(cli.path("osds").size());
        assertThat(reply.map().content().path("crush_dump").path("rules")).isNotEmpty();
    }

    @Test
    void the_quorum_and_the_pg_summary_match_the_cli() throws Exception {
        JsonNode quorum = fetch(ClusterMap.MON_STATUS).map().content();
        JsonNode cliQuorum = mapper.readTree(CephCli.run("quorum_status", "--format", "json"));
        assertThat(quorum.path("quorum_names")).isEqualTo(cliQuorum.path("quorum_names"));
        assertThat(quorum.path("quorum_leader_name")).isEqualTo(cliQuorum.path("quorum_leader_name"));

        JsonNode summary = fetch(ClusterMap.PG_SUMMARY).map().content();
        JsonNode pgStat = mapper.readTree(CephCli.run("pg", "stat", "--format", "json")).path("pg_summary");
        for (JsonNode state : pgStat.path("num_pg_by_state")) {
            assertThat(summary.path("all").path(state.path("name").asText()).asLong())
                    .as(state.path("name").asText()).isEqualTo(state.path("num").asLong());
        }
    }
}
