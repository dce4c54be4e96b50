package io.loligo.agent.ceph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
     * {@code {"images": [...], "pending": n, "trash": [...]}}: the pool's images as {@link RbdImages} describes them,
     * with the OSD map as the monitors have it now; {@code pending} counts the images listed but not yet described,
     * which the next reads describe first.
     */
    public JsonNode images(int poolId) {
        Descriptions<String> kept = catalog.of(poolId);
        return connection.use(handle -> {
            handle.awaitLatestOsdMap();
            try (RadosHandle.IoContext pool = handle.openPool(poolId)) {
                RbdImages images = new RbdImages(handle, mapper);
                Map<String, String> namesById = new LinkedHashMap<>();
                RbdImages.idsAndNames(pool.pointer()).forEach(idAndName -> namesById.put(idAndName[0], idAndName[1]));
                Descriptions.Read<String> read = kept.read(namesById, (id, name) -> images.describe(pool.pointer(), id, name, poolId),
                        NEW_IMAGES_BUDGET, STALEST_BUDGET);
                ObjectNode answer = mapper.createObjectNode();
                answer.putArray("images").addAll(read.described());
                answer.put("pending", read.pending().size());
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
