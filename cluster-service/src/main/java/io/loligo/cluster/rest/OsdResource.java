package io.loligo.cluster.rest;

import io.loligo.cluster.osd.MovementPreviews;
import io.loligo.cluster.osd.OsdChanges;
import io.loligo.cluster.osd.OsdLifecycle;
import io.loligo.cluster.server.InventoryQueries;
import io.loligo.cluster.state.ClusterStateQueries;
import io.loligo.cluster.state.ClusterViewCache;
import io.loligo.cluster.state.OsdListing;
import io.loligo.cluster.sync.LiveReads;
import io.loligo.contracts.api.MovementPreviewView;
import io.loligo.contracts.api.OsdApi;
import io.loligo.contracts.api.OsdForms;
import io.loligo.contracts.api.OsdPatch;
import io.loligo.contracts.api.OsdView;
import io.loligo.contracts.api.QueryValues;
import io.loligo.contracts.command.SafetyCheck;
import io.loligo.contracts.refusal.NotFound;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/** OSDs for api-gateway. */
@Path("/internal/v2")
public class OsdResource implements OsdApi {
    @Inject
    ClusterStateQueries state;
    @Inject
    ClusterViewCache views;
    @Inject
    InventoryQueries inventory;
    @Inject
    JsonBytes json;
    @Inject
    Mutations mutations;
    @Inject
    LiveReads liveReads;

    @Override
    public byte[] osds(String fsid, String pool, List<String> ids, String up, String in, String host, String search,
                         String ordering, String page, String pageSize) {
        OsdListing listing = new OsdListing(pool, ids, up, in, host, search, ordering, page, pageSize);
        inventory.requireCluster(fsid);
        return json.write(listing.apply(views.osds(fsid)));
    }

    @Override
    public OsdView osd(String fsid, String id) {
        inventory.requireCluster(fsid);
        int osdId = QueryValues.pathId(id, "OSD");
        return views.osds(fsid).stream().filter(osd -> osd.id() == osdId).findFirst()
                .orElseThrow(() -> new NotFound("Osd", "no osd." + osdId + " in cluster " + fsid));
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

    @Override
    public Response updateOsd(String fsid, String id, OsdPatch patch) {
        return mutations.run(fsid, OsdChanges.patch(fsid, osd(fsid, id), patch));
    }

    @Override
    public MovementPreviewView previewOsdChange(String fsid, String id, OsdPatch patch) {
        OsdView osd = osd(fsid, id);
        return MovementPreviews.view(liveReads.read(MovementPreviews.osdChange(fsid, osd.id(), patch)));
    }

    @Override
    public Response drainOsd(String fsid, String id) {
        inventory.requireCluster(fsid);
        return mutations.run(fsid, OsdLifecycle.drain(fsid, QueryValues.pathId(id, "OSD"), state.osdDump(fsid)));
    }

    @Override
    public Response destroyOsd(String fsid, String id, OsdForms.Removal form) {
        return remove(fsid, id, form, false);
    }

    @Override
    public Response purgeOsd(String fsid, String id, OsdForms.Removal form) {
        return remove(fsid, id, form, true);
    }

    private Response remove(String fsid, String id, OsdForms.Removal form, boolean purge) {
        inventory.requireCluster(fsid);
        int osd = QueryValues.pathId(id, "OSD");
        String host = views.osds(fsid).stream().filter(view -> view.id() == osd).map(OsdView::server).filter(Objects::nonNull)
                .findFirst().orElse(null);
        return mutations.run(fsid, OsdLifecycle.remove(fsid, osd, host, state.osdDump(fsid), form, purge,
                () -> liveReads.read(new SafetyCheck(fsid, List.of("osd." + osd), SafetyCheck.Check.SAFE_TO_DESTROY))));
    }

    @Override
    public Map<String, Boolean> osdCommandValid(String fsid, String id, String command) {
        OsdView osd = osd(fsid, id);
        if (!OsdChanges.isCommand(command)) {
            throw new NotFound("Command", "no OSD command '" + command + "'; known: " + String.join(", ", OsdView.COMMANDS));
        }
        return Map.of("valid", osd.validCommands().contains(command));
    }

    @Override
    public Response runOsdCommand(String fsid, String id, String command) {
        return mutations.run(fsid, OsdChanges.command(fsid, osd(fsid, id), command));
    }

    @Override
    public Map<String, Boolean> osdConfig(String fsid) {
        inventory.requireCluster(fsid);
        return OsdChanges.flags(state.osdDump(fsid));
    }

    @Override
    public Response updateOsdConfig(String fsid, Map<String, Boolean> flags) {
        inventory.requireCluster(fsid);
        return mutations.run(fsid, OsdChanges.flags(fsid, state.osdDump(fsid), flags));
    }
}
