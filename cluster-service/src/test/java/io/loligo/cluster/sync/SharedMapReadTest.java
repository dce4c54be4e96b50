package io.loligo.cluster.sync;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.cluster.CephFixtures;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.wire.Gzip;
import io.loligo.contracts.wire.MalformedMessageException;
import io.loligo.contracts.wire.WireCodec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A reply carrying a new copy of the recorded OSD dump, read as cluster-service reads replies: against the copy held,
 * sharing every part the two have in common, and equal to the copy read plainly.
 */
class SharedMapReadTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String FSID = "b3a4b3d2-0000-4000-8000-000000000000";

    private final WireCodec codec = new WireCodec();
    private final JsonNode held = CephFixtures.json("osd-dump.json");

    @Test
    void an_equal_copy_is_the_held_one() {
        assertThat(readAgainstHeld(held.deepCopy())).isSameAs(held);
    }

    @Test
    void a_changed_osd_is_read_anew_and_everything_else_is_the_held_copy_s() {
        ObjectNode fetched = held.deepCopy();
        fetched.put("epoch", held.path("epoch").asLong() + 1);
        ((ObjectNode) fetched.path("osds").path(1)).put("up", 0);

        JsonNode read = readAgainstHeld(fetched);

        assertThat(read).isEqualTo(readPlainly(fetched));
        assertThat(text(read)).isEqualTo(text(fetched));
        assertThat(read.path("osds").path(1)).isNotSameAs(held.path("osds").path(1));
        assertThat(read.path("osds").path(0)).isSameAs(held.path("osds").path(0));
        assertThat(read.path("osds").path(1).path("uuid")).isSameAs(held.path("osds").path(1).path("uuid"));
        assertThat(read.path("pools")).isSameAs(held.path("pools"));
        assertThat(read.path("osd_xinfo")).isSameAs(held.path("osd_xinfo"));
        assertThat(held.path("osds").path(1).path("up").asInt()).as("the held copy is not touched").isOne();
    }

    @Test
    void the_same_fields_in_another_order_keep_their_new_order() {
        JsonNode heldPool = held.path("pools").path(0);
        List<Map.Entry<String, JsonNode>> fields = new ArrayList<>(heldPool.properties());
        Collections.reverse(fields);
        ObjectNode reordered = MAPPER.createObjectNode();
        fields.forEach(field -> reordered.set(field.getKey(), field.getValue().deepCopy()));
        ObjectNode fetched = held.deepCopy();
        fetched.withArray("pools").set(0, reordered);

        JsonNode read = readAgainstHeld(fetched);

        assertThat(text(read)).isEqualTo(text(fetched));
        assertThat(read.path("pools").path(0).path("pool_name")).isSameAs(heldPool.path("pool_name"));
    }

    @Test
    void added_and_removed_elements_fields_and_types_are_the_new_copy_s() {
        ObjectNode fetched = held.deepCopy();
        fetched.withArray("osds").remove(2);
        fetched.withArray("osds").addObject().put("osd", 99).put("up", 1).put("weight", 0.5)
                .put("big", new java.math.BigInteger("123456789012345678901234567890")).putNull("none");
        fetched.remove("flags");
        fetched.put("pools", "none");
        fetched.put("new_field", true);

        JsonNode read = readAgainstHeld(fetched);

        assertThat(read).isEqualTo(readPlainly(fetched));
        assertThat(text(read)).isEqualTo(text(fetched));
        assertThat(read.path("osds").path(0)).isSameAs(held.path("osds").path(0));
    }

    @Test
    void a_copy_is_read_whole_where_none_is_held_or_the_content_comes_first() throws Exception {
        ObjectNode fetched = held.deepCopy();
        byte[] reply = codec.encode(CommandReply.withMap("c1", "node1", new CommandReply.MapContent(FSID, ClusterMap.OSD_MAP, 7, fetched)));
        assertThat(codec.decode(reply, CommandReply.class, WireCodec.DEFAULT_MAX_BYTES, (fsid, map) -> null).map().content())
                .isEqualTo(fetched).isNotSameAs(held);

        ObjectNode contentFirst = MAPPER.createObjectNode();
        contentFirst.set("content", fetched);
        contentFirst.put("version", 7).put("map", MAPPER.readTree(reply).path("map").path("map").asText()).put("fsid", FSID);
        ObjectNode message = (ObjectNode) MAPPER.readTree(reply);
        message.set("map", contentFirst);
        CommandReply decoded = codec.decode(MAPPER.writeValueAsBytes(message), CommandReply.class, WireCodec.DEFAULT_MAX_BYTES, this::heldOsdMap);
        assertThat(decoded.map().content()).isEqualTo(fetched);
        assertThat(decoded.map().version()).isEqualTo(7);
        assertThat(decoded.map().map()).isEqualTo(ClusterMap.OSD_MAP);
    }

    @Test
    void a_map_without_its_cluster_is_malformed() throws Exception {
        ObjectNode message = (ObjectNode) MAPPER.readTree(codec.encode(
                CommandReply.withMap("c1", "node1", new CommandReply.MapContent(FSID, ClusterMap.OSD_MAP, 7, held))));
        ((ObjectNode) message.path("map")).remove("fsid");

        assertThatThrownBy(() -> codec.decode(MAPPER.writeValueAsBytes(message), CommandReply.class, WireCodec.DEFAULT_MAX_BYTES, this::heldOsdMap))
                .isInstanceOf(MalformedMessageException.class).hasMessageContaining("fsid");
    }

    /** As the agents send it: compressed, the map's cluster and type before its content. */
    private JsonNode readAgainstHeld(JsonNode fetched) {
        byte[] reply = Gzip.compress(codec.encode(CommandReply.withMap("c1", "node1", new CommandReply.MapContent(FSID, ClusterMap.OSD_MAP, 7, fetched))));
        return codec.decode(reply, CommandReply.class, WireCodec.DEFAULT_MAX_BYTES, this::heldOsdMap).map().content();
    }

    private JsonNode heldOsdMap(String fsid, ClusterMap map) {
        return fsid.equals(FSID) && map == ClusterMap.OSD_MAP ? held : null;
    }

    /** As a reader without a held copy reads it: the nodes parsing makes, not the ones a test built. */
    private static JsonNode readPlainly(JsonNode node) {
        try {
            return MAPPER.readTree(text(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
