package io.loligo.cluster.rbd;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.contracts.api.RbdImageView;
import io.loligo.contracts.api.RbdTrashView;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The agent's description of a pool's images, as views. Pure. */
public final class RbdImages {
    private RbdImages() {
    }

    /**
     * @param read the agent's answer to a {@code ReadRbdImages}
     * @param poolNames every pool's name by id, for the pool an image keeps its data in
     */
    public static List<RbdImageView> views(JsonNode read, String pool, Map<Integer, String> poolNames) {
        List<RbdImageView> views = new ArrayList<>();
        for (JsonNode image : read.path("images")) {
            List<String> features = new ArrayList<>();
            image.path("features").forEach(feature -> features.add(feature.asText()));
            JsonNode dataPool = image.path("data_pool_id");
            JsonNode parent = image.path("parent");
            views.add(new RbdImageView(image.path("name").asText(), image.path("id").asText(), pool, image.path("size").asLong(),
                    image.path("object_size").asLong(), image.path("order").asInt(), List.copyOf(features),
                    dataPool.isIntegralNumber() ? poolNames.getOrDefault(dataPool.asInt(), String.valueOf(dataPool.asInt())) : null,
                    parent.isObject() ? new RbdImageView.Parent(parent.path("pool").asText(), parent.path("namespace").asText(""),
                            parent.path("image").asText(), parent.path("snapshot").asText(), parent.path("in_trash").asBoolean()) : null,
                    image.path("snapshot_count").asInt(), snapshots(image.path("snapshots")), image.path("watchers").asInt(), image.path("provisioned_bytes").asLong(),
                    image.path("used_bytes").isIntegralNumber() ? image.path("used_bytes").asLong() : null,
                    image.path("created_at").asText(null)));
        }
        return views;
    }

    /**
     * The pool's images after a read that holds only the descriptions changed since an earlier one (or all of them,
     * when the agent says its answer is {@code whole}), in the order of its {@code ids}.
     *
     * @param earlier the views of the earlier read
     * @return empty when the read names an image that neither it nor the earlier read describes
     */
    public static Optional<List<RbdImageView>> merged(JsonNode read, String pool, Map<Integer, String> poolNames, List<RbdImageView> earlier) {
        Map<String, RbdImageView> byId = new HashMap<>();
        if (!read.path("whole").asBoolean()) {
            earlier.forEach(view -> byId.put(view.id(), view));
        }
        views(read, pool, poolNames).forEach(view -> byId.put(view.id(), view));
        List<RbdImageView> images = new ArrayList<>();
        for (JsonNode id : read.path("ids")) {
            RbdImageView image = byId.get(id.asText());
            if (image == null) {
                return Optional.empty();
            }
            images.add(image);
        }
        return Optional.of(images);
    }

    /** The pool's trash, from the same answer. */
    public static List<RbdTrashView> trash(JsonNode read, String pool) {
        List<RbdTrashView> trash = new ArrayList<>();
        for (JsonNode entry : read.path("trash")) {
            trash.add(new RbdTrashView(entry.path("id").asText(), entry.path("name").asText(), pool, entry.path("source").asText(),
                    entry.path("deleted_at").asText(), entry.path("deferred_until").asText()));
        }
        return trash;
    }

    private static List<RbdImageView.Snapshot> snapshots(JsonNode read) {
        List<RbdImageView.Snapshot> snapshots = new ArrayList<>();
        for (JsonNode snapshot : read) {
            snapshots.add(new RbdImageView.Snapshot(snapshot.path("name").asText(), snapshot.path("id").asLong(), snapshot.path("size").asLong(),
                    snapshot.path("protected").asBoolean(), snapshot.path("created_at").asText(null)));
        }
        return List.copyOf(snapshots);
    }
}
