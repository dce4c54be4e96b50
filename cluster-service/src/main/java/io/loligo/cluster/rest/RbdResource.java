package io.loligo.cluster.rest;

import io.loligo.cluster.rbd.RbdImageListing;
import io.loligo.cluster.rbd.RbdImages;
import io.loligo.cluster.server.InventoryQueries;
import io.loligo.cluster.state.ClusterStateQueries;
import io.loligo.cluster.sync.LiveReads;
import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.Page;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.api.QueryValues;
import io.loligo.contracts.api.RbdApi;
import io.loligo.contracts.api.RbdImageView;
import io.loligo.contracts.command.ReadRbdImages;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

@Path("/internal/v2")
public class RbdResource implements RbdApi {
    /** How many names a 404 for an unknown image offers. */
    private static final int NAMES_OFFERED = 20;
    /**
     * Listing opens each image, about 6 ms apiece: a thousand take seconds. Below the gateway's 10 s for an answer,
     * so that a pool too large to list in time is a 504 that says so.
     */
    private static final Duration LISTING_TIMEOUT = Duration.ofSeconds(8);

    @Inject
    ClusterStateQueries state;
    @Inject
    InventoryQueries inventory;
    @Inject
    LiveReads liveReads;

    @Override
    public Page<RbdImageView> rbdImages(String fsid, String pool, String search, String ordering, String page, String pageSize) {
        // checked before an agent is asked
        RbdImageListing listing = new RbdImageListing(search, ordering, page, pageSize);
        return listing.apply(images(fsid, pool));
    }

    @Override
    public RbdImageView rbdImage(String fsid, String pool, String name) {
        List<RbdImageView> images = images(fsid, pool);
        return images.stream().filter(image -> image.name().equals(name)).findFirst().orElseThrow(() -> new ApiException(404, "UnknownImage",
                "no image '" + name + "' in pool " + pool + "; there are " + images.stream().limit(NAMES_OFFERED).map(RbdImageView::name).toList()));
    }

    private List<RbdImageView> images(String fsid, String pool) {
        int poolId = QueryValues.pathId(pool, "pool");
        inventory.requireCluster(fsid);
        List<PoolView> pools = state.pools(fsid);
        PoolView found = state.pool(fsid, poolId);
        Map<Integer, String> names = pools.stream().collect(Collectors.toMap(PoolView::id, PoolView::name));
        return RbdImages.views(liveReads.read(new ReadRbdImages(fsid, poolId), LISTING_TIMEOUT), found.name(), names);
    }
}
