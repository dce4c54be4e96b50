package io.loligo.cluster.server;

import io.loligo.cluster.event.Event;
import io.loligo.cluster.event.EventLog;
import io.loligo.cluster.event.Severity;
import io.loligo.cluster.known.ClusterEntity;
import io.loligo.cluster.known.MapVersions;
import io.loligo.contracts.heartbeat.ClusterReport;
import io.loligo.contracts.heartbeat.DaemonService;
import io.loligo.contracts.heartbeat.Liveness;
import io.loligo.contracts.heartbeat.NodeHeartbeat;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Records what heartbeats say about servers, their services and the clusters they reach. */
@ApplicationScoped
@Transactional
public class ServerInventory {
    @Inject
    EventLog events;
    @Inject
    jakarta.enterprise.event.Event<OsdPlacementChanged> osdPlacementChanged;

    /** An OSD service appeared on a server, left it or changed cluster: OSD views must look up their servers again. */
    public record OsdPlacementChanged(String fsid) {
    }

    public void record(NodeHeartbeat heartbeat, Instant receivedAt) {
        ServerEntity server = ServerEntity.findById(heartbeat.fqdn());
        boolean isNew = server == null;
        List<Event> happened = new ArrayList<>();
        if (isNew) {
            server = new ServerEntity();
            server.fqdn = heartbeat.fqdn();
            Log.infof("new server %s with %d Ceph services", heartbeat.fqdn(), heartbeat.services().size());
            happened.add(Event.server(Severity.INFO, heartbeat.fqdn(),
                    "Added server " + heartbeat.fqdn() + " with " + heartbeat.services().size() + " Ceph services"));
        } else {
            if (server.late || receivedAt.isAfter(server.lateAfter)) {
                if (!server.late) {
                    // overdue, and back before the sweep noticed: readers saw it late, so the record must say so too
                    happened.add(late(server));
                }
                Log.infof("server %s regained contact after %s", heartbeat.fqdn(), server.lastContact);
                happened.add(Event.server(Severity.RECOVERY, server.fqdn, "Server " + server.fqdn + " regained contact"));
            }
            happened.addAll(ServerChanges.between(server.fqdn, server.bootTime, heartbeat.bootTime(),
                    server.cephVersion, heartbeat.cephVersion()));
        }
        server.nodeId = heartbeat.nodeId();
        server.hostname = heartbeat.hostname();
        server.managed = true;
        server.bootTime = heartbeat.bootTime();
        server.os = heartbeat.os();
        server.cephVersion = heartbeat.cephVersion();
        server.heartbeatPeriod = heartbeat.periodSeconds();
        server.interfaces = new ArrayList<>(heartbeat.interfaces());
        server.lastContact = receivedAt;
        server.lateAfter = Liveness.lateAfter(receivedAt, heartbeat.periodSeconds());
        server.late = false;
        mergeServices(server, heartbeat.services()).forEach(fsid -> osdPlacementChanged.fire(new OsdPlacementChanged(fsid)));
        if (isNew) {
            server.persist();
        }
        heartbeat.clusters().forEach(report -> recordCluster(report, receivedAt));
        events.record(happened, receivedAt);
    }

    /** Marks late every server whose silence has passed its limit, and returns their fqdns. */
    public List<String> markLate(Instant now) {
        List<ServerEntity> overdue = ServerEntity.list("late = false and lateAfter < ?1", now);
        for (ServerEntity server : overdue) {
            server.late = true;
            events.record(List.of(late(server)), now);
        }
        return overdue.stream().map(s -> s.fqdn).toList();
    }

    private static Event late(ServerEntity server) {
        Log.warnf("server %s is late reporting in: no heartbeat since %s (period %d s)",
                server.fqdn, server.lastContact, server.heartbeatPeriod);
        return Event.server(Severity.WARNING, server.fqdn,
                "Server " + server.fqdn + " is late reporting in (no heartbeat since " + server.lastContact + ")");
    }

    /**
     * Updates services in place rather than replacing them: Hibernate inserts before it deletes,
     * so a replaced row would collide with its own unique key.
     */
    /** @return the clusters whose OSDs were placed anew: added, removed or moved to another cluster */
    private static Set<String> mergeServices(ServerEntity server, List<DaemonService> reported) {
        Set<String> osdsPlaced = new HashSet<>();
        Map<String, ServiceEntity> existing = new HashMap<>();
        server.services.forEach(s -> existing.put(key(s.cluster, s.type, s.serviceId), s));
        for (DaemonService daemon : reported) {
            ServiceEntity service = existing.remove(key(daemon.cluster(), daemon.type(), daemon.id()));
            if (service == null) {
                service = new ServiceEntity();
                service.server = server;
                service.cluster = daemon.cluster();
                service.type = daemon.type();
                service.serviceId = daemon.id();
                server.services.add(service);
            }
            service.running = daemon.running();
            // a stopped daemon cannot tell its fsid; it still belongs to the cluster it served
            String fsid = Objects.requireNonNullElse(daemon.fsid(), service.fsid);
            if (isOsd(service) && !Objects.equals(fsid, service.fsid)) {
                if (service.fsid != null) {
                    osdsPlaced.add(service.fsid);
                }
                if (fsid != null) {
                    osdsPlaced.add(fsid);
                }
            }
            service.fsid = fsid;
            service.version = Objects.requireNonNullElse(daemon.version(), service.version);
        }
        existing.values().stream().filter(ServerInventory::isOsd).map(s -> s.fsid).filter(Objects::nonNull).forEach(osdsPlaced::add);
        server.services.removeAll(existing.values());
        return osdsPlaced;
    }

    private static boolean isOsd(ServiceEntity service) {
        return "osd".equals(service.type);
    }

    private static void recordCluster(ClusterReport report, Instant receivedAt) {
        ClusterEntity cluster = ClusterEntity.findById(report.fsid());
        boolean isNew = cluster == null;
        if (isNew) {
            cluster = new ClusterEntity();
            cluster.fsid = report.fsid();
            Log.infof("new cluster %s ('%s')", report.fsid(), report.name());
        }
        cluster.name = report.name();
        cluster.updateTime = receivedAt;
        cluster.mapVersions = MapVersions.merge(cluster.mapVersions, report.mapVersions());
        if (isNew) {
            cluster.persist();
        }
    }

    private static String key(String cluster, String type, String id) {
        return cluster + '/' + type + '.' + id;
    }
}
