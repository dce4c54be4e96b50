package io.loligo.cluster.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.loligo.cluster.crush.Crush;
import io.loligo.cluster.crush.CrushChanges;
import io.loligo.cluster.crush.CrushMap;
import io.loligo.cluster.crush.CrushMapCompiler;
import io.loligo.cluster.crush.CrushMapText;
import io.loligo.cluster.crush.HeldCrushMap;
import io.loligo.cluster.osd.MovementPreviews;
import io.loligo.cluster.request.Planned;
import io.loligo.cluster.server.InventoryQueries;
import io.loligo.cluster.state.ClusterStateQueries;
import io.loligo.cluster.sync.LiveReads;
import io.loligo.contracts.api.CrushApi;
import io.loligo.contracts.api.CrushForms;
import io.loligo.contracts.api.CrushViews;
import io.loligo.contracts.api.MovementPreviewView;
import io.loligo.contracts.api.QueryValues;
import io.loligo.contracts.refusal.NotFound;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.util.List;
import java.util.function.ToIntFunction;

/** The CRUSH map for api-gateway. */
@Path("/internal/v2")
public class CrushResource implements CrushApi {
    @Inject
    ClusterStateQueries state;
    @Inject
    InventoryQueries inventory;
    @Inject
    Mutations mutations;
    @Inject
    CrushMapCompiler compiler;
    @Inject
    LiveReads liveReads;

    @Override
    public JsonNode crushMapText(String fsid) {
        return TextNode.valueOf(CrushMapText.of(crushMap(fsid)));
    }

    @Override
    public List<CrushViews.Rule> crushRules(String fsid) {
        return Crush.rules(crushMap(fsid));
    }

    @Override
    public CrushViews.Rule crushRule(String fsid, String id) {
        return find(crushRules(fsid), CrushViews.Rule::id, id, "crush rule", "CrushRule");
    }

    @Override
    public List<CrushViews.RuleSet> crushRuleSets(String fsid) {
        return Crush.ruleSets(crushMap(fsid));
    }

    @Override
    public List<CrushViews.Node> crushNodes(String fsid) {
        return Crush.nodes(crushMap(fsid));
    }

    @Override
    public CrushViews.Node crushNode(String fsid, String id) {
        return find(crushNodes(fsid), CrushViews.Node::id, id, "crush node", "CrushNode");
    }

    @Override
    public List<CrushViews.Type> crushTypes(String fsid) {
        return Crush.types(crushMap(fsid));
    }

    @Override
    public CrushViews.Type crushType(String fsid, String id) {
        return find(crushTypes(fsid), CrushViews.Type::id, id, "crush type", "CrushType");
    }

    @Override
    public Response replaceCrushMap(String fsid, JsonNode crushMap) {
        return mutations.run(fsid, compiler.compiles(CrushChanges.replaceMap(heldCrushMap(fsid), crushMap), "body"));
    }

    @Override
    public Response createCrushRule(String fsid, CrushForms.Rule rule) {
        return mutations.run(fsid, compiler.compiles(CrushChanges.createRule(fsid, heldCrushMap(fsid), rule), "steps"));
    }

    @Override
    public Response updateCrushRule(String fsid, String id, CrushForms.Rule rule) {
        CrushViews.Rule current = crushRule(fsid, id);
        return mutations.run(fsid, compiler.compiles(CrushChanges.updateRule(fsid, heldCrushMap(fsid), current, rule), "steps"));
    }

    @Override
    public Response deleteCrushRule(String fsid, String id) {
        return mutations.run(fsid, CrushChanges.deleteRule(fsid, crushRule(fsid, id), state.pools(fsid)));
    }

    @Override
    public Response createCrushNode(String fsid, CrushForms.Node node) {
        return mutations.run(fsid, CrushChanges.createNode(fsid, crushMap(fsid), node));
    }

    @Override
    public Response updateCrushNode(String fsid, String id, CrushForms.Node node) {
        return mutations.run(fsid, CrushChanges.updateNode(fsid, crushMap(fsid), crushNode(fsid, id), node));
    }

    @Override
    public Response deleteCrushNode(String fsid, String id) {
        return mutations.run(fsid, CrushChanges.deleteNode(fsid, crushNode(fsid, id)));
    }

    @Override
    public MovementPreviewView previewCrushMap(String fsid, JsonNode crushMap) {
        return preview(fsid, compiler.compiles(CrushChanges.replaceMap(heldCrushMap(fsid), crushMap), "body"));
    }

    @Override
    public MovementPreviewView previewCrushRule(String fsid, String id, CrushForms.Rule rule) {
        CrushViews.Rule current = crushRule(fsid, id);
        return preview(fsid, compiler.compiles(CrushChanges.updateRule(fsid, heldCrushMap(fsid), current, rule), "steps"));
    }

    @Override
    public MovementPreviewView previewCrushNode(String fsid, String id, CrushForms.Node node) {
        return preview(fsid, CrushChanges.updateNode(fsid, crushMap(fsid), crushNode(fsid, id), node));
    }

    private MovementPreviewView preview(String fsid, Planned planned) {
        return MovementPreviews.view(liveReads.read(CrushChanges.preview(fsid, planned)));
    }

    private HeldCrushMap heldCrushMap(String fsid) {
        inventory.requireCluster(fsid);
        return state.heldCrushMap(fsid);
    }

    private CrushMap crushMap(String fsid) {
        inventory.requireCluster(fsid);
        return state.crushMap(fsid);
    }

    private static <T> T find(List<T> items, ToIntFunction<T> idOf, String id, String what, String thing) {
        int wanted = QueryValues.pathId(id, what);
        return items.stream().filter(item -> idOf.applyAsInt(item) == wanted).findFirst()
                .orElseThrow(() -> new NotFound(thing, "no " + what + " with id " + wanted));
    }
}
