package io.loligo.contracts.wire;

import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.heartbeat.ClusterReport;
import io.loligo.contracts.heartbeat.DaemonService;
import io.loligo.contracts.heartbeat.HostInterface;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WireCodecTest {
    private final WireCodec codec = new WireCodec();

    private static NodeHeartbeat heartbeat() {
        return new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, "node1.example.com", "node1.example.com", "node1",
                Instant.parse("2026-11-26T00:00:00Z"), 5, Instant.parse("2026-11-20T08:00:00Z"),
                "Debian GNU/Linux 12 (bookworm)", "16.2.15",
                List.of(new DaemonService("ceph", "e2f2da39-33df-4313-b190-f5212afac1dd", "osd", "0", true, "16.2.15")),
                List.of(new ClusterReport("e2f2da39-33df-4313-b190-f5212afac1dd", "ceph",
                        Map.of(ClusterMap.OSD_MAP, 20L, ClusterMap.MON_MAP, 1L))),
                List.of(new HostInterface("eth0", List.of("10.0.0.5", "fe80::1"))), "MCowBQYDK2VwAyEAGb9ECWmEzf6FQbrBZ9w7lshQhqowtrbLDFw4rXAxZuE=");
    }

    /**
     * Receivers check an agent's signature over the heartbeat encoded again: the encoding must survive the trip,
     * whatever order the sender's maps iterate in.
     */
    @Test
    void aHeartbeatEncodesToTheSameBytesAfterTheBrokerClientParsedIt() {
        Map<ClusterMap, Long> versions = new LinkedHashMap<>();
        versions.put(ClusterMap.PG_SUMMARY, 7L);
        versions.put(ClusterMap.OSD_MAP, 20L);
        versions.put(ClusterMap.CONFIG, 3L);
        NodeHeartbeat sent = new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, "node1.example.com", "node1.example.com", "node1",
                Instant.parse("2026-11-26T08:00:00.123456789Z"), 5, Instant.parse("2026-11-20T08:00:00.5Z"),
                "Debian GNU/Linux 12 (bookworm) – «ünïcode»", "16.2.15", heartbeat().services(),
                List.of(new ClusterReport("e2f2da39-33df-4313-b190-f5212afac1dd", "ceph", versions)),
                heartbeat().interfaces(), heartbeat().publicKey());
        byte[] signed = codec.encode(sent);
        NodeHeartbeat received = codec.decode(new JsonObject(Buffer.buffer(signed)), NodeHeartbeat.class);
        assertThat(codec.encode(received)).isEqualTo(signed);
    }

    @Test
    void largeMessagesTravelCompressedAndSmallOnesAsJson() {
        List<DaemonService> manyOsds = new ArrayList<>();
        for (int id = 0; id < 2000; id++) {
            manyOsds.add(new DaemonService("ceph", "e2f2da39-33df-4313-b190-f5212afac1dd", "osd", String.valueOf(id), true, "16.2.15"));
        }
        NodeHeartbeat large = new NodeHeartbeat(NodeHeartbeat.CURRENT_SCHEMA, "node1.example.com", "node1.example.com", "node1",
                Instant.parse("2026-11-26T00:00:00Z"), 5, null, null, null, manyOsds, List.of(), List.of(), null);

        WireCodec.WireMessage compressed = codec.toWire(large);
        WireCodec.WireMessage plain = codec.toWire(heartbeat());

        assertThat(compressed.contentType()).isEqualTo("application/gzip");
        assertThat(compressed.body().length).isLessThan(codec.encode(large).length / 10);
        assertThat(codec.decode(compressed.body(), NodeHeartbeat.class)).isEqualTo(large);
        assertThat(codec.decode(Buffer.buffer(compressed.body()), NodeHeartbeat.class)).isEqualTo(large);
        assertThat(plain.contentType()).isEqualTo("application/json");
        assertThat(plain.body()).isEqualTo(codec.encode(heartbeat()));
    }

    @Test
    void heartbeatSurvivesEveryPayloadFormTheConnectorProduces() {
        byte[] bytes = codec.encode(heartbeat());
        String text = new String(bytes, StandardCharsets.UTF_8);

        assertThat(codec.decode(bytes, NodeHeartbeat.class)).isEqualTo(heartbeat());
        assertThat(codec.decode(text, NodeHeartbeat.class)).isEqualTo(heartbeat());
        assertThat(codec.decode(Buffer.buffer(bytes), NodeHeartbeat.class)).isEqualTo(heartbeat());
        assertThat(codec.decode(new JsonObject(text), NodeHeartbeat.class)).isEqualTo(heartbeat());
    }

    @Test
    void timesTravelAsIsoStrings() {
        assertThat(new String(codec.encode(heartbeat()), StandardCharsets.UTF_8))
                .contains("\"sentAt\":\"2026-11-26T00:00:00Z\"");
    }

    @Test
    void unknownFieldsFromNewerAgentsAreIgnored() {
        JsonObject json = new JsonObject(new String(codec.encode(heartbeat()), StandardCharsets.UTF_8));
        json.put("addedLater", 42);
        assertThat(codec.decode(json, NodeHeartbeat.class)).isEqualTo(heartbeat());
    }

    @Test
    void malformedPayloadsAreRejectedWithAReason() {
        assertThatThrownBy(() -> codec.decode("not-json{", NodeHeartbeat.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("NodeHeartbeat");
        assertThatThrownBy(() -> codec.decode(new JsonArray().add(1), NodeHeartbeat.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("JSON object");
        assertThatThrownBy(() -> codec.decode(null, NodeHeartbeat.class))
                .isInstanceOf(MalformedMessageException.class);
    }

    @Test
    void heartbeatsMissingTheirIdentityOrFromAnUnknownSchemaAreRejected() {
        JsonObject json = new JsonObject(new String(codec.encode(heartbeat()), StandardCharsets.UTF_8));
        assertThatThrownBy(() -> codec.decode(json.copy().putNull("fqdn"), NodeHeartbeat.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("fqdn");
        assertThatThrownBy(() -> codec.decode(json.copy().put("schema", 99), NodeHeartbeat.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("schema 99");
        assertThatThrownBy(() -> codec.decode(json.copy().put("periodSeconds", 0), NodeHeartbeat.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("periodSeconds");
    }

    @Test
    void aReplyWithoutOutputDecodesWithoutOutput() {
        CommandReply map = CommandReply.withMap("c1", "node1", new CommandReply.MapContent("fsid", ClusterMap.MON_MAP, 3,
                com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode().put("epoch", 3)));

        CommandReply decoded = codec.decode(codec.encode(map), CommandReply.class);

        assertThat(decoded.output()).isNull();
        assertThat(decoded).isEqualTo(map);
    }

    /** About this many bytes of JSON that every receiver would skip: a long array of zeros in an unknown field. */
    private static byte[] padded(int bytes) {
        return ("{\"padding\":[0" + ",0".repeat(bytes / 2) + "]}").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aBodyIsReadOnlyUpToItsBoundCompressedOrInflated() {
        byte[] bomb = Gzip.compress(padded(8 << 20));
        assertThat(bomb.length).as("a few kilobytes on the wire").isLessThan(64 << 10);

        assertThatThrownBy(() -> codec.decode(bomb, NodeHeartbeat.class, 1 << 20)).isInstanceOf(MessageTooLargeException.class)
                .hasMessageContaining("1048576");
        assertThatThrownBy(() -> codec.decode(padded(2 << 20), NodeHeartbeat.class, 1 << 20)).isInstanceOf(MessageTooLargeException.class);
        assertThatThrownBy(() -> codec.decode(new JsonObject(new String(padded(2 << 20), StandardCharsets.UTF_8)), NodeHeartbeat.class, 1 << 20))
                .isInstanceOf(MessageTooLargeException.class);
        assertThatThrownBy(() -> WireCodec.bodyBytes(bomb, 1 << 20)).isInstanceOf(MessageTooLargeException.class);
        byte[] heartbeat = codec.encode(heartbeat());
        assertThat(codec.decode(Gzip.compress(heartbeat), NodeHeartbeat.class, heartbeat.length)).isEqualTo(heartbeat());
    }

    @Test
    void nestingPastAnyCephOutputIsRefused() {
        String deep = "[".repeat(2000) + "]".repeat(2000);
        assertThatThrownBy(() -> codec.decode("{\"extra\":" + deep + "}", NodeHeartbeat.class))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("nesting depth");
    }

    @Test
    void theBrokerClientsOwnParseIsBoundedToo() {
        com.fasterxml.jackson.databind.ObjectMapper connector = new com.fasterxml.jackson.databind.ObjectMapper();
        WireCodec.limitConnectorParsing(connector);
        assertThatThrownBy(() -> connector.readTree(padded(WireCodec.CONNECTOR_JSON_BYTES + 16)))
                .hasMessageContaining("Document length");
    }
}
