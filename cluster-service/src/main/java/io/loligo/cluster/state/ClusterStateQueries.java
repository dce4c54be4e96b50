package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.loligo.cluster.fs.FileSystems;
import io.loligo.cluster.live.LiveUpdates;
import io.loligo.cluster.server.ServerInventory;
import io.loligo.cluster.server.ServiceEntity;
import io.loligo.cluster.sync.MapSync;
import io.loligo.cluster.sync.SyncObjects;
import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.failure.DatabaseUnreachable;
import io.loligo.contracts.api.ConfigView;
import io.loligo.contracts.api.FileSystemView;
import io.loligo.contracts.api.HealthCountersView;
import io.loligo.contracts.api.HealthView;
import io.loligo.contracts.api.LiveUpdate;
import io.loligo.contracts.api.MonView;
import io.loligo.contracts.api.OsdView;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.heartbeat.ClusterMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads a cluster's state from its stored maps. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ClusterStateQueries {
    private final Map<String, OsdCache> osdCache = new ConcurrentHashMap<>();
    /** Counts OSD placement changes in every cluster: rare enough that one counter serves them all. */
    private final AtomicLong osdPlacements = new AtomicLong();
    /** The servers of each cluster's services by type, as last read: what {@link #serversOf} answers while the database is away. */
    private final Map<String, Map<String, String>> lastServers = new ConcurrentHashMap<>();

    @Inject
    SyncObjects maps;
    @Inject
    LiveUpdates live;

    public HealthView health(String fsid) {
        SyncObjects.Stored health = require(fsid, ClusterMap.HEALTH);
        return new HealthView(health.content(), health.fetchedAt().atOffset(ZoneOffset.UTC), health.fetchedAt().getEpochSecond());
    }

    public HealthCountersView healthCounters(String fsid) {
        SyncObjects.Stored osdMap = require(fsid, ClusterMap.OSD_MAP);
        SyncObjects.Stored pgSummary = require(fsid, ClusterMap.PG_SUMMARY);
        SyncObjects.Stored monStatus = require(fsid, ClusterMap.MON_STATUS);
        SyncObjects.Stored fsMap = require(fsid, ClusterMap.FS_MAP);
        JsonNode osdDump = osdMap.content().path("osd_dump");
        Instant updated = Stream.of(osdMap, pgSummary, monStatus, fsMap).map(SyncObjects.Stored::fetchedAt)
                .max(Comparator.naturalOrder()).orElseThrow();
        return new HealthCountersView(HealthCounters.osds(osdDump), HealthCounters.pgs(pgSummary.content().path("all")),
                HealthCounters.mons(monStatus.content()), HealthCounters.mds(fsMap.content()),
                new HealthCountersView.Pools(osdDump.path("pools").size()),
                updated.atOffset(ZoneOffset.UTC), updated.getEpochSecond());
    }

    /**
     * Every OSD with its server, rebuilt only when the OSD map or the PG summary moved, or an OSD service was placed
     * anew: at 10,000 OSDs, rebuilding them or reading their services at each request would cost more than the page.
     */
    public List<OsdView> osds(String fsid) {
        Map<ClusterMap, Long> versions = maps.heldVersions(fsid);
        if (!versions.containsKey(ClusterMap.OSD_MAP)) {
            throw notSynchronised(fsid, ClusterMap.OSD_MAP);
        }
        OsdCache wanted = new OsdCache(versions.get(ClusterMap.OSD_MAP), versions.get(ClusterMap.PG_SUMMARY),
                osdPlacements.get(), null);
        OsdCache cached = osdCache.get(fsid);
        if (cached != null && cached.sameVersions(wanted)) {
            return cached.osds();
        }
        SyncObjects.Stored osdMap = require(fsid, ClusterMap.OSD_MAP);
        JsonNode pgSummary = maps.get(fsid, ClusterMap.PG_SUMMARY).map(SyncObjects.Stored::content)
                .orElse(MissingNode.getInstance());
        Map<String, String> servers = serversOf(fsid, "osd");
        List<OsdView> osds = Osds.from(osdMap.content(), pgSummary).stream().map(osd -> {
            String server = servers.get(String.valueOf(osd.id()));
            return server == null ? osd : osd.withServer(server);
        }).toList();
        if (lastServers.containsKey(fsid + "/osd")) {
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
        osdPlacements.incrementAndGet();
        live.publish(LiveUpdate.SYNC, changed.fsid(), Map.of("type", "osd_placement"));
    }

    /** The maps are read from memory, where a new version is held before this fires. */
    void onMapStored(@Observes MapSync.MapStored stored) {
        live.afterCommit(LiveUpdate.SYNC, stored.fsid() + "/" + stored.map().syncType(), stored.fsid(),
                () -> Map.of("type", stored.map().syncType(), "version", stored.version()));
    }

    /** {@code osd crush dump}, which travels with the OSD map. */
    public JsonNode crushMap(String fsid) {
        return require(fsid, ClusterMap.OSD_MAP).content().path("crush_dump");
    }

    /** The CRUSH map with its version, read from one copy of the OSD map. */
    public HeldCrushMap heldCrushMap(String fsid) {
        JsonNode osdMap = require(fsid, ClusterMap.OSD_MAP).content();
        return new HeldCrushMap(fsid, osdMap.path("crush_dump"), osdMap.path("osd_dump").path("crush_version").asLong());
    }

    public List<PoolView> pools(String fsid) {
        return Pools.from(osdDump(fsid));
    }

    /** @throws NotFoundException naming a pool id the OSD map does not have */
    public PoolView pool(String fsid, int poolId) {
        return pools(fsid).stream().filter(pool -> pool.id() == poolId).findFirst()
                .orElseThrow(() -> new NotFoundException("no pool " + poolId + " in cluster " + fsid));
    }

    /** {@code osd dump}, part of the OSD map. */
    public JsonNode osdDump(String fsid) {
        return require(fsid, ClusterMap.OSD_MAP).content().path("osd_dump");
    }

    private record OsdCache(long osdMapVersion, Long pgSummaryVersion, long placements, List<OsdView> osds) {
        boolean sameVersions(OsdCache other) {
            return osdMapVersion == other.osdMapVersion && Objects.equals(pgSummaryVersion, other.pgSummaryVersion)
                    && placements == other.placements;
        }
    }

    public List<MonView> mons(String fsid) {
        return Mons.from(require(fsid, ClusterMap.MON_STATUS).content(), serversOf(fsid, "mon"));
    }

    public List<FileSystemView> fileSystems(String fsid) {
        Map<Integer, String> poolNames = pools(fsid).stream().collect(Collectors.toMap(PoolView::id, PoolView::name));
        return FileSystems.from(require(fsid, ClusterMap.FS_MAP).content(), poolNames, serversOf(fsid, "mds"));
    }

    public List<String> syncObjectTypes(String fsid) {
        return maps.held(fsid).stream().map(ClusterMap::syncType).toList();
    }

    public JsonNode syncObject(String fsid, String type) {
        ClusterMap map = Arrays.stream(ClusterMap.values()).filter(m -> m.syncType().equals(type)).findFirst()
                .orElseThrow(() -> new ApiException(404, "UnknownSyncObject", "no sync object '" + type + "'; known: "
                        + String.join(", ", Arrays.stream(ClusterMap.values()).map(ClusterMap::syncType).toList())));
        return require(fsid, map).content();
    }

    /** The quorum leader's {@code config show}, or a missing node when it has not been read yet. */
    public JsonNode configShow(String fsid) {
        return maps.get(fsid, ClusterMap.CONFIG).map(SyncObjects.Stored::content).orElse(MissingNode.getInstance());
    }

    public List<ConfigView> config(String fsid) {
        return ConfigOptions.from(require(fsid, ClusterMap.CONFIG).content());
    }

    /**
     * Which server each service of a type runs on, as the inventory has it; while PostgreSQL is away, as it had it when
     * last read, or unknown (none) when this instance never read it: reads of the maps held keep answering either way.
     * Called only for clusters whose maps are held.
     */
    private Map<String, String> serversOf(String fsid, String type) {
        Map<String, String> servers = new HashMap<>();
        try {
            ServiceEntity.getEntityManager()
                    .createQuery("select s.serviceId, s.server.fqdn from ServiceEntity s where s.fsid = ?1 and s.type = ?2", Object[].class)
                    .setParameter(1, fsid).setParameter(2, type)
                    .getResultList()
                    .forEach(row -> servers.put((String) row[0], (String) row[1]));
        } catch (RuntimeException e) {
            if (!DatabaseUnreachable.caused(e)) {
                throw e;
            }
            return lastServers.getOrDefault(fsid + "/" + type, Map.of());
        }
        lastServers.put(fsid + "/" + type, Map.copyOf(servers));
        return servers;
    }

    private SyncObjects.Stored require(String fsid, ClusterMap map) {
        return maps.get(fsid, map).orElseThrow(() -> notSynchronised(fsid, map));
    }

    private static ApiException notSynchronised(String fsid, ClusterMap map) {
        return new ApiException(503, "NotSynchronised",
                "the " + map.syncType() + " of cluster " + fsid + " has not been read yet; retry in a few seconds");
    }
}
