package io.loligo.cluster.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.loligo.cluster.known.ClusterEntity;
import io.loligo.cluster.sync.SyncObjects;
import io.loligo.contracts.api.ClusterView;
import io.loligo.contracts.api.ServerView;
import io.loligo.contracts.api.ServiceView;
import io.loligo.contracts.heartbeat.ClusterMap;
import io.loligo.contracts.refusal.NotFound;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Reads the inventory in the API's shapes. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InventoryQueries {
    @Inject
    SyncObjects maps;

    public List<ClusterView> clusters() {
        return ClusterEntity.<ClusterEntity>listAll(Sort.by("name", "fsid"))
                .stream().map(InventoryQueries::view).toList();
    }

    public Optional<ClusterView> cluster(String fsid) {
        return ClusterEntity.<ClusterEntity>findByIdOptional(fsid).map(InventoryQueries::view);
    }

    /**
     * A cluster whose maps are held here is known without asking the database: reads of those maps then answer while
     * PostgreSQL is away, and cost it nothing the rest of the time. Forgetting a cluster drops its maps too.
     *
     * @throws NotFound naming the fsid when no such cluster is known
     */
    public void requireCluster(String fsid) {
        if (!maps.holdsAny(fsid)) {
            cluster(fsid).orElseThrow(() -> new NotFound("Cluster", "no cluster with fsid " + fsid));
        }
    }

    /** @throws NotFound naming the fqdn when no such server is known */
    public void requireServer(String fqdn) {
        server(fqdn).orElseThrow(() -> new NotFound("Server", "no server with fqdn " + fqdn));
    }

    public List<ServerView> servers() {
        return ServerEntity.<ServerEntity>listAll(Sort.by("fqdn"))
                .stream().map(InventoryQueries::view).toList();
    }

    /** @throws NotFound naming the fqdn when no such server is known */
    public List<DaemonControls.Daemon> daemons(String fqdn) {
        ServerEntity server = ServerEntity.<ServerEntity>findByIdOptional(fqdn).orElseThrow(() -> new NotFound("Server", "no server with fqdn " + fqdn));
        return server.services.stream().filter(service -> service.fsid != null)
                .map(service -> new DaemonControls.Daemon(service.fsid, fqdn, service.type, service.serviceId)).toList();
    }

    public Optional<ServerView> server(String fqdn) {
        return ServerEntity.<ServerEntity>findByIdOptional(fqdn).map(InventoryQueries::view);
    }

    /** The servers that host at least one service of the cluster, with their addresses in it. */
    public List<ServerView> serversOf(String fsid) {
        JsonNode osdDump = maps.get(fsid, ClusterMap.OSD_MAP).map(map -> map.content().path("osd_dump"))
                .orElse(MissingNode.getInstance());
        JsonNode quorumStatus = maps.get(fsid, ClusterMap.MON_STATUS).map(SyncObjects.Stored::content)
                .orElse(MissingNode.getInstance());
        return ServerEntity.<ServerEntity>list(
                        "select distinct s from ServerEntity s join s.services svc where svc.fsid = ?1 order by s.fqdn", fsid)
                .stream().map(server -> view(server, ServerAddresses.of(serviceIds(server, fsid, "osd").stream()
                                .flatMap(id -> parsedOsdId(id).stream()).collect(Collectors.toSet()),
                        serviceIds(server, fsid, "mon"), osdDump, quorumStatus, server.interfaces)))
                .toList();
    }

    private static Set<String> serviceIds(ServerEntity server, String fsid, String type) {
        return server.services.stream().filter(s -> fsid.equals(s.fsid) && type.equals(s.type))
                .map(s -> s.serviceId).collect(Collectors.toSet());
    }

    private static Optional<Integer> parsedOsdId(String serviceId) {
        try {
            return Optional.of(Integer.parseInt(serviceId));
        } catch (NumberFormatException notAnOsdId) {
            return Optional.empty();
        }
    }

    private static ClusterView view(ClusterEntity cluster) {
        return new ClusterView(cluster.fsid, cluster.name, utc(cluster.updateTime));
    }

    private static ServerView view(ServerEntity server) {
        return view(server, ServerAddresses.NONE);
    }

    private static ServerView view(ServerEntity server, ServerAddresses addresses) {
        List<ServiceView> services = server.services.stream()
                .map(s -> new ServiceView(s.fsid, s.type, s.serviceId, s.running)).toList();
        // the sweep that logs lateness runs once a second; readers see it the moment the limit passes
        boolean late = server.late || Instant.now().isAfter(server.lateAfter);
        return new ServerView(server.fqdn, server.hostname, server.managed, utc(server.lastContact),
                utc(server.bootTime), server.cephVersion, services, addresses.frontendAddr(), addresses.backendAddr(),
                addresses.frontendIface(), addresses.backendIface(),
                late, server.os, server.heartbeatPeriod);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
