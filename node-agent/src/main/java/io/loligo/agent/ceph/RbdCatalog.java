package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.agent.config.AgentConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Each pool's RBD images as last described (a {@link Catalog} keyed by image id, labelled by name), on a librados
 * connection of their own. Describing an image opens it (about 6 ms, used bytes included): a pool of 10,000 takes a
 * minute, far too long for one read, and on the probe's connection it would hold up the map polls.
 */
@ApplicationScoped
public class RbdCatalog {
    static final Duration NEW_IMAGES_BUDGET = Duration.ofSeconds(4);
    static final Duration STALEST_BUDGET = Duration.ofMillis(150);

    private final ObjectMapper mapper;
    private final OwnConnection connection;
    private final Catalog<Integer, String> catalog = new Catalog<>("rbd", this::describeStalest);

    @Inject
    public RbdCatalog(AgentConfig config, ObjectMapper mapper) {
        this.mapper = mapper;
        this.connection = new OwnConnection(RadosSettings.from(config.ceph()));
    }

    void onStart(@Observes StartupEvent event) {
        catalog.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        catalog.close();
        connection.close();
    }

    /**
     * {@code {"images": [...], "ids": [...], "pending": n, "mark": m, "whole": b, "trash": [...]}}: the pool's images
     * as {@link RbdImages} describes them, with the OSD map as the monitors have it now. {@code images} holds those
     * whose description changed since {@code since} (every one when {@code whole}), {@code ids} every described
     * image's id in the listing's order; {@code pending} counts the images listed but not yet described, which the
     * next reads describe first; {@code mark} is the next read's {@code since}.
     *
     * @param since the mark of the caller's last read, or null for every description
     */
    public JsonNode images(int poolId, String since) {
        Descriptions<String> kept = catalog.of(poolId);
        return connection.use(handle -> {
            handle.awaitLatestOsdMap();
            try (RadosHandle.IoContext pool = handle.openPool(poolId)) {
                RbdImages images = new RbdImages(handle, mapper);
                Map<String, String> namesById = new LinkedHashMap<>();
                RbdImages.idsAndNames(pool.pointer()).forEach(idAndName -> namesById.put(idAndName[0], idAndName[1]));
                Descriptions.Read<String> read = kept.read(namesById, (id, name) -> images.describe(pool.pointer(), id, name, poolId),
                        NEW_IMAGES_BUDGET, STALEST_BUDGET, since);
                ObjectNode answer = mapper.createObjectNode();
                answer.putArray("images").addAll(read.described());
                ArrayNode ids = answer.putArray("ids");
                read.keys().forEach(ids::add);
                answer.put("pending", read.pending().size());
                answer.put("mark", read.mark());
                answer.put("whole", read.whole());
                answer.set("trash", images.trash(pool.pointer()));
                return answer;
            }
        });
    }

    /** Loligo changed the image: the next read describes it before any other. */
    public void changed(int poolId, String name) {
        catalog.existing(poolId).ifPresent(kept -> kept.changed((id, label) -> label.equals(name)));
    }

    private void describeStalest(int poolId, Descriptions<String> kept) {
        connection.use(handle -> {
            try (RadosHandle.IoContext pool = handle.openPool(poolId)) {
                RbdImages images = new RbdImages(handle, mapper);
                kept.describeStalest((id, name) -> images.describe(pool.pointer(), id, name, poolId));
            }
            return null;
        });
    }
}
