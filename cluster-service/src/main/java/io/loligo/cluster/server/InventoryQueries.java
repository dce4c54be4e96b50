package io.loligo.cluster.server;

import io.loligo.cluster.cluster.ClusterEntity;
import io.loligo.contracts.api.ClusterView;
import io.loligo.contracts.api.ServerView;
import io.loligo.contracts.api.ServiceView;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.NotFoundException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import io.quarkus.panache.common.Sort;

/** Reads the inventory in the API's shapes. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class InventoryQueries {

    public List<ClusterView> clusters() {
        return ClusterEntity.<ClusterEntity>listAll(Sort.by("name", "fsid"))
                .stream().map(InventoryQueries::view).toList();
    }

    public Optional<ClusterView> cluster(String fsid) {
        return ClusterEntity.<ClusterEntity>findByIdOptional(fsid).map(InventoryQueries::view);
    }

    /** @throws NotFoundException naming the fsid when no such cluster is known */
    public void requireCluster(String fsid) {
        cluster(fsid).orElseThrow(() -> new NotFoundException("no cluster with fsid " + fsid));
    }

    /** @throws NotFoundException naming the fqdn when no such server is known */
    public void requireServer(String fqdn) {
        server(fqdn).orElseThrow(() -> new NotFoundException("no server with fqdn " + fqdn));
    }

    public List<ServerView> servers() {
        return ServerEntity.<ServerEntity>listAll(Sort.by("fqdn"))
                .stream().map(InventoryQueries::view).toList();
    }

    public Optional<ServerView> server(String fqdn) {
        return ServerEntity.<ServerEntity>findByIdOptional(fqdn).map(InventoryQueries::view);
    }

    /** The servers that host at least one service of the cluster. */
    public List<ServerView> serversOf(String fsid) {
        return ServerEntity.<ServerEntity>list(
                        "select distinct s from ServerEntity s join s.services svc where svc.fsid = ?1 order by s.fqdn", fsid)
                .stream().map(InventoryQueries::view).toList();
    }

    private static ClusterView view(ClusterEntity cluster) {
        return new ClusterView(cluster.fsid, cluster.name, utc(cluster.updateTime));
    }

    private static ServerView view(ServerEntity server) {
        List<ServiceView> services = server.services.stream()
                .map(s -> new ServiceView(s.fsid, s.type, s.serviceId, s.running)).toList();
        // the sweep that logs lateness runs once a second; readers see it the moment the limit passes
        boolean late = server.late || Instant.now().isAfter(server.lateAfter);
        return new ServerView(server.fqdn, server.hostname, server.managed, utc(server.lastContact),
                utc(server.bootTime), server.cephVersion, services, null, null, null, null,
                late, server.os, server.heartbeatPeriod);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
