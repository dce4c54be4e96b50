package io.loligo.agent.heartbeat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.agent.CephCli;
import io.loligo.agent.ceph.ClusterProbe;
import io.loligo.agent.daemon.DaemonDiscovery;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.DaemonService;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.loligo.contracts.wire.WireCodec;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.amqp.AmqpClient;
import io.vertx.amqp.AmqpClientOptions;
import io.vertx.amqp.AmqpConnection;
import io.vertx.amqp.AmqpReceiver;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The agent against the real local cluster and the real broker; the ceph CLI is the reference. */
@QuarkusTest
class NodeAgentOnRealClusterTest {
    private final ObjectMapper mapper = new ObjectMapper();

    @Inject
    ClusterProbe probe;
    @Inject
    DaemonDiscovery discovery;
    @Inject
    HeartbeatPublisher publisher;

    @Test
    void librados_reports_the_clusters_fsid_and_map_epochs() throws Exception {
        await().atMost(Duration.ofSeconds(20)).until(() -> probe.current().isPresent());
        var report = probe.current().orElseThrow();
        JsonNode status = mapper.readTree(CephCli.run("status", "--format", "json"));

        assertThat(report.fsid()).isEqualTo(CephCli.run("fsid"));
        assertThat(report.name()).isEqualTo("ceph");
        assertThat(report.mapVersions().get(ClusterMap.MON_MAP)).isEqualTo(status.path("monmap").path("epoch").asLong());
        assertThat(report.mapVersions().get(ClusterMap.OSD_MAP)).isPositive()
                .isLessThanOrEqualTo(status.path("osdmap").path("epoch").asLong());
    }

    @Test
    void maps_read_through_librados_equal_the_clis_json() throws Exception {
        JsonNode viaLibrados = probe.read(reader -> reader.read(ClusterMap.MON_MAP)).content();
        JsonNode viaCli = mapper.readTree(CephCli.run("mon", "dump", "--format", "json"));
        assertThat(viaLibrados).isEqualTo(viaCli);
    }

    @Test
    void admin_sockets_reveal_every_daemon_of_the_local_cluster() throws Exception {
        String fsid = CephCli.run("fsid");
        List<String> osdIds = StreamSupport.stream(mapper.readTree(CephCli.run("osd", "ls", "--format", "json")).spliterator(), false)
                .map(JsonNode::asText).toList();

        List<DaemonService> services = discovery.discover();

        assertThat(services).allSatisfy(s -> {
            assertThat(s.running()).isTrue();
            assertThat(s.fsid()).isEqualTo(fsid);
            assertThat(s.version()).startsWith("16.2.");
        });
        assertThat(osdIds).hasSize(3);
        assertThat(services).extracting(s -> s.type() + "." + s.id())
                .contains("mon.a", "mgr.x", "mds.a", "rgw.a")
                .containsAll(osdIds.stream().map(id -> "osd." + id).toList());
    }

    @Test
    void heartbeats_reach_the_broker_and_name_this_host() throws Exception {
        Vertx vertx = Vertx.vertx();
        BlockingQueue<byte[]> received = new LinkedBlockingQueue<>();
        try {
            AmqpClient client = AmqpClient.create(vertx, new AmqpClientOptions().setHost("127.0.0.1").setPort(ConfigProvider.getConfig().getValue("amqp-port", Integer.class))
                    .setUsername("guest").setPassword("guest"));
            AmqpConnection connection = client.connect().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            AmqpReceiver receiver = connection.createReceiver("/topic/loligo-test.heartbeat.#")
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            receiver.handler(message -> received.add(message.bodyAsBinary().getBytes()));

            publisher.publish();

            byte[] body = received.poll(15, TimeUnit.SECONDS);
            assertThat(body).as("a heartbeat on the topic exchange").isNotNull();
            NodeHeartbeat heartbeat = new WireCodec().decode(body, NodeHeartbeat.class);
            assertThat(heartbeat.fqdn()).isNotBlank();
            assertThat(heartbeat.bootTime()).isNotNull();
            assertThat(heartbeat.services()).extracting(DaemonService::type).contains("mon", "mgr", "osd");
            assertThat(heartbeat.cephVersion()).startsWith("16.2.");
            client.close();
        } finally {
            vertx.close();
        }
    }
}
