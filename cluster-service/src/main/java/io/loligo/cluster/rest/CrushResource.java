package io.loligo.cluster.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.loligo.cluster.server.InventoryQueries;
import io.loligo.cluster.state.ClusterStateQueries;
import io.loligo.cluster.state.Crush;
import io.loligo.cluster.state.CrushMapText;
import io.loligo.cluster.state.QueryValues;
import io.loligo.contracts.api.CrushApi;
import io.loligo.contracts.api.CrushViews;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;

import java.util.List;
import java.util.function.ToIntFunction;

/** The CRUSH map for api-gateway. */
@Path("/internal/v2")
public class CrushResource implements CrushApi {
    @Inject
    ClusterStateQueries state;
    @Inject
    InventoryQueries inventory;

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
        return find(crushRules(fsid), CrushViews.Rule::id, id, "crush rule");
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
        return find(crushNodes(fsid), CrushViews.Node::id, id, "crush node");
    }

    @Override
    public List<CrushViews.Type> crushTypes(String fsid) {
        return Crush.types(crushMap(fsid));
    }

    @Override
    public CrushViews.Type crushType(String fsid, String id) {
        return find(crushTypes(fsid), CrushViews.Type::id, id, "crush type");
    }

    private JsonNode crushMap(String fsid) {
        inventory.requireCluster(fsid);
        return state.crushMap(fsid);
    }

    private static <T> T find(List<T> items, ToIntFunction<T> idOf, String id, String what) {
        int wanted = QueryValues.pathId(id, what);
        return items.stream().filter(item -> idOf.applyAsInt(item) == wanted).findFirst()
                .orElseThrow(() -> new NotFoundException("no " + what + " with id " + wanted));
    }
}
