package io.loligo.cluster.rest;

import io.loligo.cluster.server.InventoryQueries;
import io.loligo.cluster.state.ClusterStateQueries;
import io.loligo.cluster.state.OsdListing;
import io.loligo.cluster.state.QueryValues;
import io.loligo.contracts.api.OsdApi;
import io.loligo.contracts.api.OsdView;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;

import java.util.List;
import java.util.Map;

/** OSDs for api-gateway. */
@Path("/internal/v2")
public class OsdResource implements OsdApi {
    @Inject
    ClusterStateQueries state;
    @Inject
    InventoryQueries inventory;
    @Inject
    JsonBytes json;

    @Override
    public byte[] osds(String fsid, String pool, List<String> ids, String up, String in, String host, String search,
                         String ordering, String page, String pageSize) {
        OsdListing listing = new OsdListing(pool, ids, up, in, host, search, ordering, page, pageSize);
        inventory.requireCluster(fsid);
        return json.write(listing.apply(state.osds(fsid)));
    }

    @Override
    public OsdView osd(String fsid, String id) {
        inventory.requireCluster(fsid);
        int osdId = QueryValues.pathId(id, "OSD");
        return state.osds(fsid).stream().filter(osd -> osd.id() == osdId).findFirst()
                .orElseThrow(() -> new NotFoundException("no osd." + osdId + " in cluster " + fsid));
    }

    @Override
    public List<String> osdCommands(String fsid) {
        inventory.requireCluster(fsid);
        return OsdView.COMMANDS;
    }

    @Override
    public Map<String, Map<String, List<String>>> osdValidCommands(String fsid, String id) {
        OsdView osd = osd(fsid, id);
        return Map.of(String.valueOf(osd.id()), Map.of("valid_commands", osd.validCommands()));
    }
}
