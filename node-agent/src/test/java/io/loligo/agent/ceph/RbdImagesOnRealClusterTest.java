package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.agent.CephCli;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A pool's images read through the agent's librbd binding against the real cluster; the rbd tool is the reference. */
@QuarkusTest
class RbdImagesOnRealClusterTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final String pool = "loligo-rbd-" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    RbdReader reader;

    @BeforeEach
    void aPoolForImages() throws Exception {
        CephCli.run("osd", "pool", "create", pool, "8", "8", "replicated");
        CephCli.run("osd", "pool", "application", "enable", pool, "rbd");
        CephCli.rbd("pool", "init", pool);
    }

    @AfterEach
    void noPoolLeft() throws Exception {
        CephCli.run("osd", "pool", "delete", pool, pool, "--yes-i-really-really-mean-it");
    }

    @Test
    void each_image_is_described_as_the_rbd_tool_describes_it() throws Exception {
        CephCli.rbd("create", "--size", "64M", pool + "/written");
        CephCli.rbd("bench", "--io-type", "write", "--io-size", "4M", "--io-total", "12M", "--io-pattern", "seq", pool + "/written");
        // what the image holds, before a snapshot makes rbd du count it apart from the head
        long writtenUsed = mapper.readTree(CephCli.rbd("du", pool + "/written", "--format", "json")).path("images").path(0)
                .path("used_size").asLong();
        CephCli.rbd("snap", "create", pool + "/written@first");
        CephCli.rbd("snap", "protect", pool + "/written@first");
        CephCli.rbd("clone", pool + "/written@first", pool + "/clone");
        CephCli.rbd("create", "--size", "1G", "--object-size", "1M", "--image-feature", "layering", pool + "/plain");
        int poolId = mapper.readTree(CephCli.run("osd", "pool", "stats", pool, "--format", "json")).path(0).path("pool_id").asInt();

        JsonNode read = reader.images(poolId);

        Map<String, JsonNode> images = new HashMap<>();
        read.path("images").forEach(image -> images.put(image.path("name").asText(), image));
        assertThat(images).containsOnlyKeys("written", "clone", "plain");
        for (String name : List.of("written", "clone", "plain")) {
            JsonNode info = mapper.readTree(CephCli.rbd("info", pool + "/" + name, "--format", "json"));
            JsonNode image = images.get(name);
            assertThat(image.path("id").asText()).as(name).isEqualTo(info.path("id").asText());
            assertThat(image.path("size").asLong()).as(name).isEqualTo(info.path("size").asLong());
            assertThat(image.path("provisioned_bytes").asLong()).as(name).isEqualTo(info.path("size").asLong());
            assertThat(image.path("order").asInt()).as(name).isEqualTo(info.path("order").asInt());
            assertThat(image.path("object_size").asLong()).as(name).isEqualTo(info.path("object_size").asLong());
            assertThat(mapper.convertValue(image.path("features"), List.class)).as(name)
                    .containsExactlyInAnyOrderElementsOf(mapper.convertValue(info.path("features"), List.class));
            assertThat(image.path("snapshot_count").asInt()).as(name)
                    .isEqualTo(mapper.readTree(CephCli.rbd("snap", "ls", pool + "/" + name, "--format", "json")).size());
            assertThat(image.path("watchers").asInt()).as(name).isZero();
            assertThat(image.path("created_at").asText()).as(name).isNotBlank();
        }
        assertThat(images.get("written").path("used_bytes").asLong()).isEqualTo(writtenUsed).isEqualTo(12L << 20);
        assertThat(images.get("clone").path("used_bytes").asLong()).as("a clone holds nothing of its own until written")
                .isEqualTo(mapper.readTree(CephCli.rbd("du", pool + "/clone", "--format", "json")).path("images").path(0)
                        .path("used_size").asLong()).isZero();
        assertThat(images.get("plain").path("used_bytes").isNull()).as("no fast diff: not counted").isTrue();
        assertThat(images.get("written").path("snapshot_count").asInt()).isEqualTo(1);
        JsonNode parent = images.get("clone").path("parent");
        assertThat(parent.path("pool").asText()).isEqualTo(pool);
        assertThat(parent.path("image").asText()).isEqualTo("written");
        assertThat(parent.path("snapshot").asText()).isEqualTo("first");
        assertThat(images.get("written").path("parent").isNull()).isTrue();
        assertThat(images.get("written").path("data_pool_id").isNull()).isTrue();
    }

    @Test
    void a_pool_without_images_has_none() throws Exception {
        int poolId = mapper.readTree(CephCli.run("osd", "pool", "stats", pool, "--format", "json")).path(0).path("pool_id").asInt();

        assertThat(reader.images(poolId).path("images")).isEmpty();
    }
}
