package io.loligo.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
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

import java.util.List;

/** The CRUSH map's rules, buckets and types in Calamari's v2 paths and shapes. */
@Produces(MediaType.APPLICATION_JSON)
public interface CrushApi {

    /**
     * The CRUSH map as {@code crushtool -d} writes it, as one JSON string (Calamari's shape). The CRUSH map is part
     * of the OSD map, so it is as fresh as the OSD map's epoch.
     */
    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/crush_map")
    JsonNode crushMapText(@PathParam("fsid") String fsid);

    /**
     * Replaces the whole CRUSH map with text in {@code crushtool -d}'s form, as one JSON string: {@code 202}, {@code 304}
     * when it is the map as it is, or {@code 400} with crushtool's message when it does not compile.
     */
    @POST
    @Path("/cluster/{fsid}/crush_map")
    @Consumes(MediaType.APPLICATION_JSON)
    Response replaceCrushMap(@PathParam("fsid") String fsid, JsonNode crushMap);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/crush_rule")
    List<CrushViews.Rule> crushRules(@PathParam("fsid") String fsid);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/crush_rule/{id}")
    CrushViews.Rule crushRule(@PathParam("fsid") String fsid, @PathParam("id") String id);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/crush_rule_set")
    List<CrushViews.RuleSet> crushRuleSets(@PathParam("fsid") String fsid);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/crush_node")
    List<CrushViews.Node> crushNodes(@PathParam("fsid") String fsid);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/crush_node/{id}")
    CrushViews.Node crushNode(@PathParam("fsid") String fsid, @PathParam("id") String id);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/crush_type")
    List<CrushViews.Type> crushTypes(@PathParam("fsid") String fsid);

    @KeptUntilChanged
    @GET
    @Path("/cluster/{fsid}/crush_type/{id}")
    CrushViews.Type crushType(@PathParam("fsid") String fsid, @PathParam("id") String id);

    /**
     * Creates a rule, from its steps or as a replicated rule in short form: {@code 202} with the request, {@code 409}
     * when the name is taken.
     */
    @POST
    @Path("/cluster/{fsid}/crush_rule")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createCrushRule(@PathParam("fsid") String fsid, CrushForms.Rule rule);

    /**
     * Changes a rule's name, type, sizes or steps, keeping its id: {@code 202}, or {@code 304} when the rule already
     * is so.
     */
    @PATCH
    @Path("/cluster/{fsid}/crush_rule/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateCrushRule(@PathParam("fsid") String fsid, @PathParam("id") String id, CrushForms.Rule rule);

    /** Removes a rule: {@code 202}, or {@code 409} while a pool uses it. */
    @DELETE
    @Path("/cluster/{fsid}/crush_rule/{id}")
    Response deleteCrushRule(@PathParam("fsid") String fsid, @PathParam("id") String id);

    /** Creates a bucket, under {@code parent} when given: {@code 202}, or {@code 409} when the name is taken. */
    @POST
    @Path("/cluster/{fsid}/crush_node")
    @Consumes(MediaType.APPLICATION_JSON)
    Response createCrushNode(@PathParam("fsid") String fsid, CrushForms.Node node);

    /** Moves and renames a bucket: {@code 202}, or {@code 304} when it already is so. */
    @PATCH
    @Path("/cluster/{fsid}/crush_node/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    Response updateCrushNode(@PathParam("fsid") String fsid, @PathParam("id") String id, CrushForms.Node node);

    /** Removes a bucket: {@code 202}, or {@code 409} while it holds items. */
    @DELETE
    @Path("/cluster/{fsid}/crush_node/{id}")
    Response deleteCrushNode(@PathParam("fsid") String fsid, @PathParam("id") String id);

    /**
     * What replacing the CRUSH map with this text would move, before it is made: every pool's PGs mapped by an agent
     * with Ceph's own crushtool, with the map as it is and as the text compiles; {@code 400} naming {@code body} with
     * crushtool's message when it does not compile.
     */
    @POST
    @Path("/cluster/{fsid}/crush_map/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    MovementPreviewView previewCrushMap(@PathParam("fsid") String fsid, JsonNode crushMap);

    /** What the {@code PATCH} of the rule with this body would move (its steps rewritten), before it is made. */
    @POST
    @Path("/cluster/{fsid}/crush_rule/{id}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    MovementPreviewView previewCrushRule(@PathParam("fsid") String fsid, @PathParam("id") String id, CrushForms.Rule rule);

    /**
     * What the {@code PATCH} of the bucket with this body would move (moved to another parent, its items' CRUSH weights
     * changed, OSDs placed in it), before it is made, as crushtool's own {@code --move}, {@code --reweight-item} and
     * {@code --update-item} change a copy of the map.
     */
    @POST
    @Path("/cluster/{fsid}/crush_node/{id}/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    MovementPreviewView previewCrushNode(@PathParam("fsid") String fsid, @PathParam("id") String id, CrushForms.Node node);
}
