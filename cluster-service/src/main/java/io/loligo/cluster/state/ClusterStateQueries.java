package io.loligo.cluster.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.loligo.cluster.crush.CrushMap;
import io.loligo.cluster.crush.HeldCrushMap;
import io.loligo.cluster.fs.FileSystems;
import io.loligo.cluster.sync.SyncObjects;
import io.loligo.contracts.api.ConfigView;
import io.loligo.contracts.api.FileSystemView;
import io.loligo.contracts.api.HealthCountersView;
import io.loligo.contracts.api.HealthView;
import io.loligo.contracts.api.MonView;
import io.loligo.contracts.api.PoolView;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.refusal.NotFound;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Reads a cluster's state from its stored maps; the OSD list, which is cached, is {@link ClusterViewCache}'s. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ClusterStateQueries {
    @Inject
    SyncObjects maps;
    @Inject
    ServicePlacements placements;

    public HealthView health(String fsid) {
        SyncObjects.Stored health = maps.require(fsid, ClusterMap.HEALTH);
        return new HealthView(health.content(), health.fetchedAt().atOffset(ZoneOffset.UTC), health.fetchedAt().getEpochSecond());
    }

    public HealthCountersView healthCounters(String fsid) {
        SyncObjects.Stored osdMap = maps.require(fsid, ClusterMap.OSD_MAP);
        SyncObjects.Stored pgSummary = maps.require(fsid, ClusterMap.PG_SUMMARY);
        SyncObjects.Stored monStatus = maps.require(fsid, ClusterMap.MON_STATUS);
        SyncObjects.Stored fsMap = maps.require(fsid, ClusterMap.FS_MAP);
        JsonNode osdDump = osdMap.content().path("osd_dump");
        Instant updated = Stream.of(osdMap, pgSummary, monStatus, fsMap).map(SyncObjects.Stored::fetchedAt)
                .max(Comparator.naturalOrder()).orElseThrow();
        return new HealthCountersView(HealthCounters.osds(osdDump), HealthCounters.pgs(pgSummary.content().path("all")),
                HealthCounters.mons(monStatus.content()), HealthCounters.mds(fsMap.content()),
                new HealthCountersView.Pools(osdDump.path("pools").size()),
                updated.atOffset(ZoneOffset.UTC), updated.getEpochSecond());
    }

    /** The CRUSH map, read from {@code osd crush dump}, which travels with the OSD map. */
    public CrushMap crushMap(String fsid) {
        return CrushMap.read(maps.require(fsid, ClusterMap.OSD_MAP).content().path("crush_dump"));
    }

    /** The CRUSH map with its version, read from one copy of the OSD map. */
    public HeldCrushMap heldCrushMap(String fsid) {
        JsonNode osdMap = maps.require(fsid, ClusterMap.OSD_MAP).content();
        return new HeldCrushMap(fsid, CrushMap.read(osdMap.path("crush_dump")), osdMap.path("osd_dump").path("crush_version").asLong());
    }

    public List<PoolView> pools(String fsid) {
        return Pools.from(osdDump(fsid));
    }

    /** @throws NotFound naming a pool id the OSD map does not have */
    public PoolView pool(String fsid, int poolId) {
        return pools(fsid).stream().filter(pool -> pool.id() == poolId).findFirst()
                .orElseThrow(() -> new NotFound("Pool", "no pool " + poolId + " in cluster " + fsid));
    }

    /** {@code osd dump}, part of the OSD map. */
    public JsonNode osdDump(String fsid) {
        return maps.require(fsid, ClusterMap.OSD_MAP).content().path("osd_dump");
    }

    public List<MonView> mons(String fsid) {
        return Mons.from(maps.require(fsid, ClusterMap.MON_STATUS).content(), placements.serversOf(fsid, "mon"));
    }

    public List<FileSystemView> fileSystems(String fsid) {
        Map<Integer, String> poolNames = pools(fsid).stream().collect(Collectors.toMap(PoolView::id, PoolView::name));
        return FileSystems.from(maps.require(fsid, ClusterMap.FS_MAP).content(), poolNames, placements.serversOf(fsid, "mds"));
    }

    public List<String> syncObjectTypes(String fsid) {
        return maps.held(fsid).stream().map(ClusterMap::syncType).toList();
    }

    public JsonNode syncObject(String fsid, String type) {
        ClusterMap map = Arrays.stream(ClusterMap.values()).filter(m -> m.syncType().equals(type)).findFirst()
                .orElseThrow(() -> new NotFound("SyncObject", "no sync object '" + type + "'; known: "
                        + String.join(", ", Arrays.stream(ClusterMap.values()).map(ClusterMap::syncType).toList())));
        return maps.require(fsid, map).content();
    }

    /** The quorum leader's {@code config show}, or a missing node when it has not been read yet. */
    public JsonNode configShow(String fsid) {
        return maps.get(fsid, ClusterMap.CONFIG).map(SyncObjects.Stored::content).orElse(MissingNode.getInstance());
    }

    public List<ConfigView> config(String fsid) {
        return ConfigOptions.from(maps.require(fsid, ClusterMap.CONFIG).content());
    }
}
