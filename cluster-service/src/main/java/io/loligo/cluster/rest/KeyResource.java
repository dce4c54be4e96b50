package io.loligo.cluster.rest;

import io.loligo.cluster.agent.AgentKeys;
import io.loligo.contracts.api.KeyApi;
import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import java.time.Instant;
import java.util.List;

@Path("/internal/v2")
public class KeyResource implements KeyApi {
    @Inject
    AgentKeys keys;

    @Override
    public List<KeyView> keys() {
        return keys.list();
    }

    @Override
    public List<KeyView> decideKeys(List<KeyPatch> patches, String user) {
        return keys.decide(patches, user, Instant.now());
    }

    @Override
    public KeyView key(String id) {
        return keys.get(id);
    }

    @Override
    public KeyView decideKey(String id, KeyPatch patch, String user) {
        return keys.decide(id, patch, user, Instant.now());
    }

    @Override
    public Response deleteKey(String id, String user) {
        keys.delete(id, user, Instant.now());
        return Response.noContent().build();
    }
}
