package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.loligo.cluster.live.LiveUpdates;
import io.loligo.cluster.server.ServerInventory;
import io.loligo.cluster.sync.MapSync;
import io.loligo.cluster.sync.SyncObjects;
import io.loligo.contracts.api.LiveUpdate;
import io.loligo.contracts.api.OsdView;
import io.loligo.contracts.heartbeat.ClusterMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The views kept between reads (each cluster's OSD list, built once per version of what it is made of), and the live
 * events that tell clients, the gateway's kept reads among them, that a read may now answer differently.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ClusterViewCache {
    private final Map<String, OsdCache> osdCache = new ConcurrentHashMap<>();
    /** Counts OSD placement changes in every cluster: rare enough that one counter serves them all. */
    private final AtomicLong placementChanges = new AtomicLong();

    @Inject
    SyncObjects maps;
    @Inject
    ServicePlacements placements;
    @Inject
    LiveUpdates live;

    /**
     * Every OSD with its server, rebuilt only when the OSD map or the PG summary moved, or an OSD service was placed
     * anew: at 10,000 OSDs, rebuilding them or reading their services at each request would cost more than the page.
     */
    public List<OsdView> osds(String fsid) {
        Map<ClusterMap, Long> versions = maps.heldVersions(fsid);
        if (!versions.containsKey(ClusterMap.OSD_MAP)) {
            throw SyncObjects.notSynchronised(fsid, ClusterMap.OSD_MAP);
        }
        OsdCache wanted = new OsdCache(versions.get(ClusterMap.OSD_MAP), versions.get(ClusterMap.PG_SUMMARY),
                placementChanges.get(), null);
        OsdCache cached = osdCache.get(fsid);
        if (cached != null && cached.sameVersions(wanted)) {
            return cached.osds();
        }
        SyncObjects.Stored osdMap = maps.require(fsid, ClusterMap.OSD_MAP);
        JsonNode pgSummary = maps.get(fsid, ClusterMap.PG_SUMMARY).map(SyncObjects.Stored::content)
                .orElse(MissingNode.getInstance());
        Map<String, String> servers = placements.serversOf(fsid, "osd");
        List<OsdView> osds = Osds.from(osdMap.content(), pgSummary).stream().map(osd -> {
            String server = servers.get(String.valueOf(osd.id()));
            return server == null ? osd : osd.withServer(server);
        }).toList();
        if (placements.everRead(fsid, "osd")) {
            // not an answer whose servers were never read: it would outlive the database's outage
            osdCache.put(fsid, new OsdCache(wanted.osdMapVersion(), wanted.pgSummaryVersion(), wanted.placements(), osds));
        }
        return osds;
    }

    /**
     * Live clients, the gateway's kept reads among them, hear of it only once the OSD list has moved on: told any
     * earlier, a client that read again at once could get the list as it was.
     */
    void onOsdPlacementChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ServerInventory.OsdPlacementChanged changed) {
        placementChanges.incrementAndGet();
        live.publish(LiveUpdate.SYNC, changed.fsid(), Map.of("type", "osd_placement"));
    }

    /** The maps are read from memory, where a new version is held before this fires. */
    void onMapStored(@Observes MapSync.MapStored stored) {
        live.afterCommit(LiveUpdate.SYNC, stored.fsid() + "/" + stored.map().syncType(), stored.fsid(),
                () -> Map.of("type", stored.map().syncType(), "version", stored.version()));
    }

    private record OsdCache(long osdMapVersion, Long pgSummaryVersion, long placements, List<OsdView> osds) {
        boolean sameVersions(OsdCache other) {
            return osdMapVersion == other.osdMapVersion && Objects.equals(pgSummaryVersion, other.pgSummaryVersion)
                    && placements == other.placements;
        }
    }
}
