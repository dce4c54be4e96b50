package io.loligo.gateway.calamari;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loligo.contracts.api.CrushForms;
import io.loligo.contracts.api.CrushViews;
import io.loligo.contracts.api.KeptUntilChanged;
import io.loligo.contracts.api.Problem.FieldError;
import io.loligo.contracts.refusal.InvalidInput;
import io.loligo.gateway.inventory.CrushResource;
import io.loligo.gateway.rest.ApiPaths;
import io.loligo.gateway.user.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.ArrayList;
import java.util.List;

import static io.loligo.gateway.calamari.SerializedValues.integer;
import static io.loligo.gateway.calamari.SerializedValues.text;

/** Calamari v2's CRUSH map: as text, its rules, rule sets, buckets and types. */
@Path(ApiPaths.CALAMARI_V2)
@Produces(MediaType.APPLICATION_JSON)
@Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA})
public class CalamariV2Crush {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    CrushResource crush;

    /** The map as {@code crushtool -d} writes it, as one JSON string. */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/crush_map")
    public JsonNode crushMap(@PathParam("fsid") String fsid) {
        return crush.crushMapText(fsid);
    }

    /**
     * Replaces the whole map with text in {@code crushtool -d}'s form, sent as {@code text/plain} as Calamari took it
     * (a JSON string is taken too): {@code 200 {request_id}}, as Calamari answered; {@code 304} for the map as it is.
     */
    @POST
    @Path("/cluster/{fsid}/crush_map")
    @Consumes(MediaType.TEXT_PLAIN)
    @RolesAllowed(Roles.OPERATOR)
    public Response replaceCrushMap(@PathParam("fsid") String fsid, String text) {
        return replaced(crush.replaceCrushMap(fsid, JsonNodeFactory.instance.textNode(text == null ? "" : text)));
    }

    @POST
    @Path("/cluster/{fsid}/crush_map")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.OPERATOR)
    public Response replaceCrushMapFromJson(@PathParam("fsid") String fsid, JsonNode text) {
        return replaced(crush.replaceCrushMap(fsid, text));
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/crush_rule_set")
    public List<CalamariViews.CrushRuleSet> crushRuleSets(@PathParam("fsid") String fsid) {
        return crush.crushRuleSets(fsid).stream().map(CalamariShapes::crushRuleSet).toList();
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/crush_rule")
    public List<CalamariViews.CrushRule> crushRules(@PathParam("fsid") String fsid) {
        return crush.crushRules(fsid).stream().map(CalamariShapes::crushRule).toList();
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/crush_rule/{id: -?\\d+}")
    public CalamariViews.CrushRule crushRule(@PathParam("fsid") String fsid, @PathParam("id") String id) {
        return CalamariShapes.crushRule(crush.crushRule(fsid, id));
    }

    /** {@code {name, type, min_size, max_size, steps}}, all needed: {@code 202} with the request. */
    @POST
    @Path("/cluster/{fsid}/crush_rule")
    @RolesAllowed(Roles.OPERATOR)
    public Response createCrushRule(@PathParam("fsid") String fsid, JsonNode body) {
        ObjectNode rule = CalamariSerializers.CRUSH_RULE.accept("POST", body);
        if (rule.hasNonNull("ruleset")) {
            throw InvalidInput.of("ruleset",
                    "Ceph 16 numbers a rule's ruleset as the rule itself: leave it out, and read it from the rule");
        }
        return crush.createCrushRule(fsid, ruleForm(rule));
    }

    /** Any of {@code name, min_size, max_size, steps}: {@code 202} with the request, {@code 304} for the rule as it is. */
    @PATCH
    @Path("/cluster/{fsid}/crush_rule/{id: -?\\d+}")
    @RolesAllowed(Roles.OPERATOR)
    public Response updateCrushRule(@PathParam("fsid") String fsid, @PathParam("id") String id, JsonNode body) {
        ObjectNode rule = CalamariSerializers.CRUSH_RULE.accept("PATCH", body);
        if (rule.hasNonNull("ruleset") && rule.get("ruleset").asInt() != crush.crushRule(fsid, id).ruleset()) {
            throw InvalidInput.of("ruleset", "Ceph 16 numbers a rule's ruleset as the rule itself: it cannot change");
        }
        return crush.updateCrushRule(fsid, id, ruleForm(rule));
    }

    @DELETE
    @Path("/cluster/{fsid}/crush_rule/{id: -?\\d+}")
    @RolesAllowed(Roles.OPERATOR)
    public Response deleteCrushRule(@PathParam("fsid") String fsid, @PathParam("id") String id) {
        return crush.deleteCrushRule(fsid, id);
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/crush_node")
    public List<CrushViews.Node> crushNodes(@PathParam("fsid") String fsid) {
        return crush.crushNodes(fsid);
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/crush_node/{id: -?\\d+}")
    public CrushViews.Node crushNode(@PathParam("fsid") String fsid, @PathParam("id") String id) {
        return crush.crushNode(fsid, id);
    }

    /**
     * {@code {name, bucket_type, items}}: a bucket holding the items given ({@code [{id, weight}]}: buckets are moved
     * into it, OSDs placed in it with their weight). {@code 202} with the request. Ceph numbers new buckets itself,
     * so an {@code id} sent is not used, as in Calamari.
     */
    @POST
    @Path("/cluster/{fsid}/crush_node")
    @RolesAllowed(Roles.OPERATOR)
    public Response createCrushNode(@PathParam("fsid") String fsid, JsonNode body) {
        return crush.createCrushNode(fsid, nodeForm(CalamariSerializers.CRUSH_NODE.accept("POST", body), true));
    }

    /** Any of {@code name, items}: a new name renames the bucket, items not listed leave it, new ones come in. */
    @PATCH
    @Path("/cluster/{fsid}/crush_node/{id: -?\\d+}")
    @RolesAllowed(Roles.OPERATOR)
    public Response updateCrushNode(@PathParam("fsid") String fsid, @PathParam("id") String id, JsonNode body) {
        return crush.updateCrushNode(fsid, id, nodeForm(CalamariSerializers.CRUSH_NODE.accept("PATCH", body), false));
    }

    @DELETE
    @Path("/cluster/{fsid}/crush_node/{id: -?\\d+}")
    @RolesAllowed(Roles.OPERATOR)
    public Response deleteCrushNode(@PathParam("fsid") String fsid, @PathParam("id") String id) {
        return crush.deleteCrushNode(fsid, id);
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/crush_type")
    public List<CrushViews.Type> crushTypes(@PathParam("fsid") String fsid) {
        return crush.crushTypes(fsid);
    }

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/crush_type/{id: \\d+}")
    public CrushViews.Type crushType(@PathParam("fsid") String fsid, @PathParam("id") String id) {
        return crush.crushType(fsid, id);
    }

    /** Calamari answered a replaced map with a 200, not a 202. */
    private static Response replaced(Response upstream) {
        return upstream.getStatus() == Response.Status.ACCEPTED.getStatusCode()
                ? Response.ok(upstream.getEntity()).build() : upstream;
    }

    private static CrushForms.Rule ruleForm(ObjectNode values) {
        List<CrushForms.Step> steps = null;
        if (values.hasNonNull("steps")) {
            if (!values.get("steps").isArray()) {
                throw InvalidInput.of("steps", "must be a list of steps");
            }
            steps = new ArrayList<>();
            for (int i = 0; i < values.get("steps").size(); i++) {
                try {
                    steps.add(JSON.treeToValue(values.get("steps").get(i), CrushForms.Step.class));
                } catch (IllegalArgumentException | com.fasterxml.jackson.core.JsonProcessingException notAStep) {
                    throw InvalidInput.of("steps[" + i + "]", "must be a step: {op, item_name, num, type}");
                }
            }
        }
        return new CrushForms.Rule(text(values, "name"), text(values, "type"), integer(values, "min_size"), integer(values, "max_size"),
                steps, null, null, null);
    }

    /** @param creating whether a bucket is being created: its items are then all it holds */
    private static CrushForms.Node nodeForm(ObjectNode values, boolean creating) {
        List<CrushForms.Item> items = null;
        if (values.hasNonNull("items")) {
            if (!values.get("items").isArray()) {
                throw InvalidInput.of("items", "must be a list of {id, weight}");
            }
            items = new ArrayList<>();
            for (JsonNode item : values.get("items")) {
                if (!item.path("id").canConvertToInt()) {
                    throw InvalidInput.of("items", "each item needs its id");
                }
                items.add(new CrushForms.Item(item.get("id").asInt(), item.hasNonNull("weight") ? item.get("weight").asDouble() : null));
            }
        } else if (creating) {
            items = List.of();
        }
        return new CrushForms.Node(text(values, "name"), text(values, "bucket_type"), null, items);
    }
}
