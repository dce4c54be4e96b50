package io.loligo.cluster.known;

import io.loligo.cluster.event.Event;
import io.loligo.cluster.event.EventLog;
import io.loligo.cluster.event.Severity;
import io.loligo.cluster.request.RequestEntity;
import io.loligo.cluster.request.RequestState;
import io.loligo.cluster.server.ServerEntity;
import io.loligo.cluster.server.ServiceEntity;
import io.loligo.cluster.sync.SyncObjects;
import io.loligo.cluster.transaction.AfterCommit;
import io.loligo.contracts.refusal.Conflict;
import io.loligo.contracts.refusal.NotFound;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.List;

/**
 * Forgets clusters and servers, as Calamari's DELETE did: for one that no longer exists. One that still does comes
 * back at its agents' next heartbeat, as new.
 */
@ApplicationScoped
@Transactional
public class Forgetting {
    @Inject
    EventLog events;
    @Inject
    SyncObjects maps;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /**
     * Forgets the cluster's maps, requests and services; its events stay, as its history.
     *
     * @throws Conflict while one of its requests has not ended
     */
    public void forgetCluster(String fsid, String user, Instant now) {
        // locked as a request's start locks it: no request can begin while the cluster goes
        ClusterEntity cluster = ClusterEntity.<ClusterEntity>findByIdOptional(fsid, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFound("Cluster", "no cluster with fsid " + fsid));
        long running = RequestEntity.count("fsid = ?1 and state in ?2", fsid, List.of(RequestState.QUEUED, RequestState.SUBMITTED));
        if (running > 0) {
            throw new Conflict("RequestsRunning", "cluster " + fsid + " has " + running
                    + " requests that have not ended; wait for them or cancel them first");
        }
        ServiceEntity.delete("fsid", fsid);
        cluster.delete();
        AfterCommit.run(transactions, () -> maps.forget(fsid));
        events.record(List.of(Event.cluster(Severity.INFO, fsid, "Cluster '" + cluster.name + "' forgotten by " + user)), now);
        Log.infof("cluster %s ('%s') forgotten by '%s'", fsid, cluster.name, user);
    }

    /** Forgets the server and its services; its events stay. */
    public void forgetServer(String fqdn, String user, Instant now) {
        ServerEntity server = ServerEntity.<ServerEntity>findByIdOptional(fqdn)
                .orElseThrow(() -> new NotFound("Server", "no server with fqdn " + fqdn));
        server.delete();
        events.record(List.of(Event.server(Severity.INFO, fqdn, "Server " + fqdn + " forgotten by " + user)), now);
        Log.infof("server %s forgotten by '%s'", fqdn, user);
    }
}
