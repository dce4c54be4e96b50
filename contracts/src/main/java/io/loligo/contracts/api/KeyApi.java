package io.loligo.contracts.api;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Agent enrolment, in the shape of Calamari's salt keys: an agent first heard of is {@code pre}; until an
 * administrator accepts its key, its heartbeats are not trusted and no command goes to it. Only {@code pre} keys
 * are decided; deleting a key lets its agent ask again.
 */
@Produces(MediaType.APPLICATION_JSON)
public interface KeyApi {

    @KeptBriefly
    @GET
    @Path("/key")
    List<KeyView> keys();

    /**
     * Decides several keys at once: {@code [{"id": ..., "status": "accepted", "fingerprint": ...}]}; nothing changes
     * unless all can.
     */
    @PATCH
    @Path("/key")
    @Consumes(MediaType.APPLICATION_JSON)
    List<KeyView> decideKeys(List<KeyPatch> patches);

    @KeptBriefly
    @GET
    @Path("/key/{id}")
    KeyView key(@PathParam("id") String id);

    /** {@code {"status": "accepted", "fingerprint": ...}} or {@code {"status": "rejected"}}. */
    @PATCH
    @Path("/key/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    KeyView decideKey(@PathParam("id") String id, KeyPatch patch);

    @DELETE
    @Path("/key/{id}")
    Response deleteKey(@PathParam("id") String id);

    /**
     * @param id the agent's node id; absent when the path names it
     * @param fingerprint the fingerprint of the key being accepted, as the administrator compared it with the one the
     *                    agent logged: a key that is not the one named is not accepted (409)
     */
    record KeyPatch(@JsonProperty("id") String id, @JsonProperty("status") String status,
                    @JsonProperty("fingerprint") String fingerprint) {
    }

    /** @param fingerprint to compare with the one the agent logs at its start */
    record KeyView(@JsonProperty("id") String id, @JsonProperty("status") String status,
                   @JsonProperty("fingerprint") String fingerprint, @JsonProperty("fqdn") String fqdn,
                   @JsonProperty("first_seen") OffsetDateTime firstSeen, @JsonProperty("last_seen") OffsetDateTime lastSeen,
                   @JsonProperty("decided_by") String decidedBy) {
    }
}
