package io.loligo.gateway.inventory;

import io.loligo.contracts.api.OsdApi;
import io.loligo.contracts.api.OsdView;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.List;
import java.util.Map;

/** OSDs for any logged-in user, from cluster-service. */
@Path("/api/v2")
public class OsdResource implements OsdApi {
    @Inject
    @RestClient
    ClusterServiceClient clusterService;

    @Override
    public byte[] osds(String fsid, String pool, List<String> ids, String up, String in, String host, String search,
                         String ordering, String page, String pageSize) {
        return clusterService.osds(fsid, pool, ids, up, in, host, search, ordering, page, pageSize);
    }

    @Override
    public OsdView osd(String fsid, String id) {
        return clusterService.osd(fsid, id);
    }

    @Override
    public List<String> osdCommands(String fsid) {
        return clusterService.osdCommands(fsid);
    }

    @Override
    public Map<String, Map<String, List<String>>> osdValidCommands(String fsid, String id) {
        return clusterService.osdValidCommands(fsid, id);
    }
}
