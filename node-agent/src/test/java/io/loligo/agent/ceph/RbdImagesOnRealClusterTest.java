package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loligo.agent.CephCli;
import io.loligo.contracts.command.CommandReply;
import io.loligo.contracts.command.CopyImage;
import io.loligo.contracts.command.CreateImage;
import io.loligo.contracts.command.ImageChange;
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
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A pool's images read through the agent's librbd binding against the real cluster; the rbd tool is the reference. */
@QuarkusTest
class RbdImagesOnRealClusterTest {
    private final ObjectMapper mapper = new ObjectMapper();
    private final String pool = "loligo-rbd-" + UUID.randomUUID().toString().substring(0, 8);

    @Inject
    RbdCatalog reader;
    @Inject
    RbdWriter writer;

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

        JsonNode read = reader.images(poolId, null);

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

        // read again with the first answer's mark: only what changed comes, every image's id with it
        CephCli.rbd("bench", "--io-type", "write", "--io-size", "4M", "--io-total", "8M", "--io-pattern", "seq", pool + "/clone");
        reader.changed(poolId, "clone");
        JsonNode changes = reader.images(poolId, read.path("mark").asText());
        assertThat(changes.path("whole").asBoolean()).isFalse();
        assertThat(changes.path("images")).extracting(image -> image.path("name").asText()).containsExactly("clone");
        assertThat(changes.path("images").path(0).path("used_bytes").asLong()).isEqualTo(8L << 20);
        assertThat(changes.path("ids")).extracting(JsonNode::asText).containsExactlyInAnyOrder(
                images.get("written").path("id").asText(), images.get("clone").path("id").asText(), images.get("plain").path("id").asText());
    }

    /** Changes made through the binding, each checked with the rbd tool; a long one reports its progress. */
    @Test
    void changes_are_made_as_the_rbd_tool_then_shows_them_and_a_flatten_reports_its_progress() throws Exception {
        int poolId = mapper.readTree(CephCli.run("osd", "pool", "stats", pool, "--format", "json")).path(0).path("pool_id").asInt();
        writer.apply(new CreateImage("f", poolId, "made", 64L << 20, List.of("layering", "exclusive-lock", "object-map", "fast-diff",
                "deep-flatten"), 20, null), progress -> { });
        JsonNode info = mapper.readTree(CephCli.rbd("info", pool + "/made", "--format", "json"));
        assertThat(info.path("size").asLong()).isEqualTo(64L << 20);
        assertThat(info.path("order").asInt()).isEqualTo(20);
        CephCli.rbd("bench", "--io-type", "write", "--io-size", "1M", "--io-total", "16M", "--io-pattern", "seq", pool + "/made");

        writer.apply(ImageChange.ofSnapshot("f", poolId, "made", ImageChange.Kind.CREATE_SNAPSHOT, "first"), progress -> { });
        writer.apply(ImageChange.ofSnapshot("f", poolId, "made", ImageChange.Kind.PROTECT, "first"), progress -> { });
        JsonNode snapshot = reader.images(poolId, null).path("images").path(0).path("snapshots").path(0);
        assertThat(snapshot.path("name").asText()).isEqualTo("first");
        assertThat(snapshot.path("protected").asBoolean()).isTrue();
        assertThat(snapshot.path("size").asLong()).isEqualTo(64L << 20);
        assertThat(mapper.readTree(CephCli.rbd("snap", "ls", pool + "/made", "--format", "json")).path(0).path("protected").asText())
                .isEqualTo("true");
        assertThatThrownBy(() -> writer.apply(ImageChange.ofSnapshot("f", poolId, "made", ImageChange.Kind.REMOVE_SNAPSHOT, "first"),
                progress -> { })).isInstanceOf(RadosException.class).hasMessageContaining("EBUSY");

        writer.apply(new CopyImage("f", poolId, "made", "first", poolId, "child", CopyImage.Kind.CLONE), progress -> { });
        assertThat(mapper.readTree(CephCli.rbd("info", pool + "/child", "--format", "json")).path("parent").path("snapshot").asText())
                .isEqualTo("first");
        List<CommandReply.Progress> reports = new java.util.concurrent.CopyOnWriteArrayList<>();
        writer.apply(ImageChange.of("f", poolId, "child", ImageChange.Kind.FLATTEN), reports::add);
        assertThat(mapper.readTree(CephCli.rbd("info", pool + "/child", "--format", "json")).has("parent")).isFalse();
        assertThat(reports).as("librbd's progress, one report per object of the clone").isNotEmpty()
                .allSatisfy(report -> assertThat(report.done()).isBetween(0L, report.total()));
        assertThat(reports.get(reports.size() - 1).total()).isEqualTo(64);

        writer.apply(ImageChange.of("f", poolId, "child", ImageChange.Kind.MOVE_TO_TRASH), progress -> { });
        JsonNode trashed = reader.images(poolId, null).path("trash").path(0);
        assertThat(trashed.path("name").asText()).isEqualTo("child");
        assertThat(trashed.path("source").asText()).isEqualTo("user");
        assertThat(trashed.path("id").asText())
                .isEqualTo(mapper.readTree(CephCli.rbd("trash", "ls", pool, "--format", "json")).path(0).path("id").asText());
        writer.apply(ImageChange.of("f", poolId, trashed.path("id").asText(), ImageChange.Kind.PURGE), progress -> { });
        assertThat(mapper.readTree(CephCli.rbd("trash", "ls", pool, "--format", "json"))).isEmpty();
        assertThat(mapper.readTree(CephCli.rbd("ls", pool, "--format", "json"))).extracting(JsonNode::asText).containsExactly("made");
    }

    @Test
    void a_pool_without_images_has_none() throws Exception {
        int poolId = mapper.readTree(CephCli.run("osd", "pool", "stats", pool, "--format", "json")).path(0).path("pool_id").asInt();

        assertThat(reader.images(poolId, null).path("images")).isEmpty();
    }
}
