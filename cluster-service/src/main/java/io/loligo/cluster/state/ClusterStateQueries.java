package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.loligo.cluster.server.ServiceEntity;
import io.loligo.cluster.sync.SyncObjects;
import io.loligo.contracts.api.ApiException;
import io.loligo.contracts.api.HealthCountersView;
import io.loligo.contracts.api.HealthView;
import io.loligo.contracts.api.MonView;
import io.loligo.contracts.api.OsdView;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.heartbeat.ClusterMap;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/** Reads a cluster's state from its stored maps. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ClusterStateQueries {
    private final Map<String, OsdCache> osdCache = new ConcurrentHashMap<>();

    @Inject
    SyncObjects maps;

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

    /** Every OSD, rebuilt only when the OSD map or the PG summary moved; servers come from the agents' reports. */
    public List<OsdView> osds(String fsid) {
        Map<ClusterMap, Long> versions = maps.heldVersions(fsid);
        if (!versions.containsKey(ClusterMap.OSD_MAP)) {
            throw notSynchronised(fsid, ClusterMap.OSD_MAP);
        }
        OsdCache cached = osdCache.get(fsid);
        Long pgVersion = versions.get(ClusterMap.PG_SUMMARY);
        if (cached == null || cached.osdMapVersion() != versions.get(ClusterMap.OSD_MAP) || !Objects.equals(cached.pgSummaryVersion(), pgVersion)) {
            SyncObjects.Stored osdMap = require(fsid, ClusterMap.OSD_MAP);
            JsonNode pgSummary = maps.get(fsid, ClusterMap.PG_SUMMARY).map(SyncObjects.Stored::content)
                    .orElse(MissingNode.getInstance());
            cached = new OsdCache(osdMap.version(), pgVersion, Osds.from(osdMap.content(), pgSummary));
            osdCache.put(fsid, cached);
        }
        Map<Integer, String> servers = new HashMap<>();
        ServiceEntity.<ServiceEntity>list("fsid = ?1 and type = 'osd'", fsid).forEach(service -> {
            try {
                servers.put(Integer.parseInt(service.serviceId), service.server.fqdn);
            } catch (NumberFormatException notAnOsdId) {
                // an admin socket named oddly: it cannot be matched to an OSD id
            }
        });
        return cached.osds().stream().map(osd -> servers.containsKey(osd.id()) ? osd.withServer(servers.get(osd.id())) : osd).toList();
    }

    /** {@code osd crush dump}, which travels with the OSD map. */
    public JsonNode crushMap(String fsid) {
        return require(fsid, ClusterMap.OSD_MAP).content().path("crush_dump");
    }

    public List<PoolView> pools(String fsid) {
        return Pools.from(require(fsid, ClusterMap.OSD_MAP).content().path("osd_dump"));
    }

    private record OsdCache(long osdMapVersion, Long pgSummaryVersion, List<OsdView> osds) {
    }

    public List<MonView> mons(String fsid) {
        Map<String, String> serversByMon = new HashMap<>();
        ServiceEntity.<ServiceEntity>list("fsid = ?1 and type = 'mon'", fsid)
                .forEach(service -> serversByMon.put(service.serviceId, service.server.fqdn));
        return Mons.from(require(fsid, ClusterMap.MON_STATUS).content(), serversByMon);
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

    private SyncObjects.Stored require(String fsid, ClusterMap map) {
        return maps.get(fsid, map).orElseThrow(() -> notSynchronised(fsid, map));
    }

    private static ApiException notSynchronised(String fsid, ClusterMap map) {
        return new ApiException(503, "NotSynchronised",
                "the " + map.syncType() + " of cluster " + fsid + " has not been read yet; retry in a few seconds");
    }
}
