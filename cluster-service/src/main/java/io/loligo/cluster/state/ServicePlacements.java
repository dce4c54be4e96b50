package io.loligo.cluster.state;

import io.loligo.cluster.server.ServiceEntity;
import io.loligo.contracts.failure.DatabaseUnreachable;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Which server each of a cluster's services runs on, as the inventory has it, for the views built from the maps. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class ServicePlacements {
    /** The servers of each cluster's services by type, as last read: what {@link #serversOf} answers while the database is away. */
    private final Map<String, Map<String, String>> lastServers = new ConcurrentHashMap<>();

    /**
     * Which server each service of a type runs on, as the inventory has it; while PostgreSQL is away, as it had it when
     * last read, or unknown (none) when this instance never read it: reads of the maps held keep answering either way.
     * Called only for clusters whose maps are held.
     */
    public Map<String, String> serversOf(String fsid, String type) {
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

    /** Whether the servers of the type were ever read here: an answer without them must not be kept. */
    public boolean everRead(String fsid, String type) {
        return lastServers.containsKey(fsid + "/" + type);
    }
}
