package io.loligo.cluster.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.loligo.cluster.listing.MemoryListing;
import io.loligo.cluster.rbd.RbdChanges;
import io.loligo.cluster.rbd.RbdImageListing;
import io.loligo.cluster.rbd.RbdListings;
import io.loligo.cluster.server.InventoryQueries;
import io.loligo.cluster.state.ClusterStateQueries;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.QueryValues;
import io.loligo.contracts.api.RbdApi;
import io.loligo.contracts.api.RbdForms;
import io.loligo.contracts.api.RbdImageView;
import io.loligo.contracts.api.RbdTrashView;
import io.loligo.contracts.refusal.NotFound;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

@Path("/internal/v2")
public class RbdResource implements RbdApi {
    /** How many names a 404 for an unknown image offers. */
    private static final int NAMES_OFFERED = 20;

    @Inject
    ClusterStateQueries state;
    @Inject
    InventoryQueries inventory;
    @Inject
    RbdListings listings;
    @Inject
    Mutations mutations;

    @Override
    public Page<RbdImageView> rbdImages(String fsid, String pool, String search, String ordering, String page, String pageSize) {
        // checked before an agent is asked
        MemoryListing<RbdImageView> listing = new MemoryListing<>(RbdImageListing.FIELDS, search, ordering, page, pageSize);
        return listing(fsid, pool).images().page(listing);
    }

    @Override
    public RbdImageView rbdImage(String fsid, String pool, String name) {
        List<RbdImageView> images = pool(fsid, pool).images();
        return images.stream().filter(image -> image.name().equals(name)).findFirst().orElseThrow(() -> new NotFound("Image",
                "no image '" + name + "' in pool " + pool + "; there are " + images.stream().limit(NAMES_OFFERED).map(RbdImageView::name).toList()));
    }

    @Override
    public Response createRbdImage(String fsid, String pool, RbdForms.Image image) {
        return mutations.run(fsid, RbdChanges.create(pool(fsid, pool), image));
    }

    @Override
    public Response updateRbdImage(String fsid, String pool, String name, RbdForms.Image changes) {
        RbdChanges.Pool held = pool(fsid, pool);
        return mutations.run(fsid, RbdChanges.update(held, held.image(name), changes));
    }

    @Override
    public Response deleteRbdImage(String fsid, String pool, String name) {
        RbdChanges.Pool held = pool(fsid, pool);
        return mutations.run(fsid, RbdChanges.delete(held, held.image(name)));
    }

    @Override
    public Response flattenRbdImage(String fsid, String pool, String name) {
        RbdChanges.Pool held = pool(fsid, pool);
        return mutations.run(fsid, RbdChanges.flatten(held, held.image(name)));
    }

    @Override
    public Response copyRbdImage(String fsid, String pool, String name, RbdForms.Target target) {
        RbdChanges.Pool held = pool(fsid, pool);
        RbdImageView image = held.image(name);
        return mutations.run(fsid, RbdChanges.copy(held, image, target, target(held, target)));
    }

    @Override
    public Response trashRbdImage(String fsid, String pool, String name) {
        RbdChanges.Pool held = pool(fsid, pool);
        return mutations.run(fsid, RbdChanges.moveToTrash(held, held.image(name)));
    }

    @Override
    public List<RbdTrashView> rbdTrash(String fsid, String pool) {
        return pool(fsid, pool).trash();
    }

    @Override
    public Response restoreRbdImage(String fsid, String pool, String id, RbdForms.Restore restore) {
        return mutations.run(fsid, RbdChanges.restore(pool(fsid, pool), id, restore));
    }

    @Override
    public Response purgeRbdImage(String fsid, String pool, String id) {
        return mutations.run(fsid, RbdChanges.purge(pool(fsid, pool), id, Instant.now()));
    }

    @Override
    public Response createRbdSnapshot(String fsid, String pool, String name, RbdForms.Snapshot snapshot) {
        RbdChanges.Pool held = pool(fsid, pool);
        return mutations.run(fsid, RbdChanges.createSnapshot(held, held.image(name), snapshot));
    }

    @Override
    public Response updateRbdSnapshot(String fsid, String pool, String name, String snapshot, RbdForms.Snapshot changes) {
        RbdChanges.Pool held = pool(fsid, pool);
        return mutations.run(fsid, RbdChanges.updateSnapshot(held, held.image(name), snapshot, changes));
    }

    @Override
    public Response deleteRbdSnapshot(String fsid, String pool, String name, String snapshot) {
        RbdChanges.Pool held = pool(fsid, pool);
        return mutations.run(fsid, RbdChanges.deleteSnapshot(held, held.image(name), snapshot));
    }

    @Override
    public Response rollbackRbdImage(String fsid, String pool, String name, String snapshot) {
        RbdChanges.Pool held = pool(fsid, pool);
        return mutations.run(fsid, RbdChanges.rollback(held, held.image(name), snapshot));
    }

    @Override
    public Response cloneRbdSnapshot(String fsid, String pool, String name, String snapshot, RbdForms.Target target) {
        RbdChanges.Pool held = pool(fsid, pool);
        RbdImageView image = held.image(name);
        return mutations.run(fsid, RbdChanges.cloneSnapshot(held, image, snapshot, target, target(held, target)));
    }

    /** The pool a copy or clone goes to, with its images read for a name taken there. */
    private RbdChanges.Pool target(RbdChanges.Pool source, RbdForms.Target form) {
        PoolView target = RbdChanges.targetPool(source, form);
        return target.id() == source.pool().id() ? source : read(source.fsid(), target, source.pools());
    }

    /** The pool with its images and trash as an agent last read them. */
    private RbdChanges.Pool pool(String fsid, String pool) {
        List<PoolView> pools = pools(fsid);
        return read(fsid, found(fsid, pool, pools), pools);
    }

    private RbdListings.Listing listing(String fsid, String pool) {
        List<PoolView> pools = pools(fsid);
        return listings.read(fsid, found(fsid, pool, pools), names(pools));
    }

    private List<PoolView> pools(String fsid) {
        inventory.requireCluster(fsid);
        return state.pools(fsid);
    }

    /** The pool the path names: a 400 for an id that is no number, a 404 for one the cluster does not have. */
    private PoolView found(String fsid, String pool, List<PoolView> pools) {
        int poolId = QueryValues.pathId(pool, "pool");
        return pools.stream().filter(candidate -> candidate.id() == poolId).findFirst().orElseGet(() -> state.pool(fsid, poolId));
    }

    private RbdChanges.Pool read(String fsid, PoolView pool, List<PoolView> pools) {
        RbdListings.Listing listing = listings.read(fsid, pool, names(pools));
        return new RbdChanges.Pool(fsid, pool, pools, overwritable(state.osdDump(fsid)), listing.images().views(), listing.trash());
    }

    private static Map<Integer, String> names(List<PoolView> pools) {
        return pools.stream().collect(Collectors.toMap(PoolView::id, PoolView::name));
    }

    /** The erasure-coded pools that allow overwrites, as the OSD map's pool flags say. */
    private static Set<String> overwritable(JsonNode osdDump) {
        Set<String> pools = new HashSet<>();
        for (JsonNode pool : osdDump.path("pools")) {
            if (List.of(pool.path("flags_names").asText("").split(",")).contains("ec_overwrites")) {
                pools.add(pool.path("pool_name").asText());
            }
        }
        return pools;
    }
}
