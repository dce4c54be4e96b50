package io.loligo.contracts.api;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import java.util.List;

/** The CRUSH map's rules, buckets and types in Calamari's v2 paths and shapes. */
@Produces(MediaType.APPLICATION_JSON)
public interface CrushApi {

    /**
     * The CRUSH map as {@code crushtool -d} writes it, as one JSON string (Calamari's shape). The CRUSH map is part
     * of the OSD map, so it is as fresh as the OSD map's epoch.
     */
    @GET
    @Path("/cluster/{fsid}/crush_map")
    JsonNode crushMapText(@PathParam("fsid") String fsid);

    @GET
    @Path("/cluster/{fsid}/crush_rule")
    List<CrushViews.Rule> crushRules(@PathParam("fsid") String fsid);

    @GET
    @Path("/cluster/{fsid}/crush_rule/{id}")
    CrushViews.Rule crushRule(@PathParam("fsid") String fsid, @PathParam("id") String id);

    @GET
    @Path("/cluster/{fsid}/crush_rule_set")
    List<CrushViews.RuleSet> crushRuleSets(@PathParam("fsid") String fsid);

    @GET
    @Path("/cluster/{fsid}/crush_node")
    List<CrushViews.Node> crushNodes(@PathParam("fsid") String fsid);

    @GET
    @Path("/cluster/{fsid}/crush_node/{id}")
    CrushViews.Node crushNode(@PathParam("fsid") String fsid, @PathParam("id") String id);

    @GET
    @Path("/cluster/{fsid}/crush_type")
    List<CrushViews.Type> crushTypes(@PathParam("fsid") String fsid);

    @GET
    @Path("/cluster/{fsid}/crush_type/{id}")
    CrushViews.Type crushType(@PathParam("fsid") String fsid, @PathParam("id") String id);
}
